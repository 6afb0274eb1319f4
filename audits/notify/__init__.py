"""E-mail to the departments: the feedback after a run and weekly reminders, as .eml files
(nothing leaves without a human) or sent through SMTP. No database here: the sent log is in
audits/store/mail.py and the verb that joins them in audits/campaign/notify.py."""
