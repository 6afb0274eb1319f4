"""The message catalogue: every finding code (inventories, data files, the portal, the working
group's sheet) with its severity, a title, why it matters, and a Ukrainian message template.
One place, one text per code, so an English rendering stays possible.

Templates use ``str.format`` fields: ``{place}`` (file, and sheet when there is one), ``{column}`` (the header the clerk sees), ``{cell}``
(e.g. ``D7``), ``{value}``, ``{example}`` and code-specific ones documented beside each code.
A column whose header is blank is named by its letter and number («без заголовка (стовпець C, № 3)»)
instead of an empty «»: ``render`` does it from ``column_letter``, ``field_number`` or ``cell``.
tests/test_messages.py renders every code with sample values and checks no placeholder, empty «»
or broken phrase is left.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    title: str
    why: str
    template: str


_CODES = [
    # --- the file as a whole -------------------------------------------------------------
    Code("source-error", "error", "Файл не вдалося прочитати",
         "Пошкоджений файл неможливо перевірити.",
         "Файл «{file}» не вдалося прочитати: він пошкоджений або не є таблицею ({detail}). "
         "Відкрийте його в Excel або LibreOffice, збережіть як .xlsx або як CSV у кодуванні UTF-8 "
         "і надішліть ще раз."),
    Code("encrypted-file", "error", "Файл захищено паролем або збережено в старому форматі",
         "Захищений паролем файл неможливо прочитати автоматично.",
         "Файл «{file}» захищено паролем або збережено у старому форматі Excel 97–2003 (.xls). "
         "Зніміть пароль (Файл → Відомості → Захистити книгу) і збережіть як .xlsx."),
    Code("empty-file", "error", "Порожній файл",
         "У порожньому файлі немає переліку наборів даних.",
         "Файл «{file}» порожній. Заповніть аркуш інвентаризації за шаблоном і надішліть ще раз."),
    Code("unsupported-format", "error", "Непідтримуваний формат файлу",
         "Перевірити можна лише електронні таблиці.",
         "Файл «{file}» має формат, який не підтримується ({detail}). "
         "Надішліть таблицю у форматі .xlsx, .ods або .csv."),
    Code("file-too-large", "error", "Файл завеликий",
         "Завеликі файли перевантажують перевірку; перелік наборів даних не буває таким великим.",
         "Файл «{file}» має розмір {detail}, а дозволено не більше {limit}. "
         "Залиште в ньому лише аркуш інвентаризації без вкладених зображень."),
    Code("archive-bomb", "error", "Файл розпаковується у надто великий обсяг",
         "Такий файл може бути шкідливим і зупинити перевірку.",
         "Файл «{file}» після розпакування займає {detail}, а дозволено не більше {limit}. "
         "Збережіть лише аркуш інвентаризації у новий файл .xlsx."),
    Code("too-many-rows", "error", "Забагато рядків",
         "Перелік наборів даних органу містить десятки, а не тисячі рядків; перевірку зупинено.",
         "У файлі {place} понад {limit} рядків. Перевірено лише перші {limit}. "
         "Видаліть зайві рядки або надішліть лише перелік наборів даних."),
    Code("read-timeout", "error", "Файл читається надто довго",
         "Перевірка одного файлу не може тривати безкінечно.",
         "Файл «{file}» не вдалося прочитати за {limit}. Збережіть лише аркуш інвентаризації у новий файл .xlsx."),
    Code("bad-encoding", "error", "Невідоме кодування тексту",
         "Текст у невідомому кодуванні перетворюється на нечитабельні символи.",
         "Не вдалося розпізнати кодування файлу «{file}». Збережіть CSV у кодуванні UTF-8 "
         "(Excel: «CSV UTF-8 (розділювач — кома)») або надішліть .xlsx."),
    Code("no-header", "error", "Не знайдено рядок заголовків",
         "Без заголовків неможливо зрозуміти, що містить кожна колонка.",
         "У файлі «{file}» не знайдено рядок із заголовками колонок шаблону "
         "(наприклад {headers}). "
         "Скопіюйте рядок заголовків із шаблону без змін."),
    Code("no-rows", "error", "Немає жодного набору даних",
         "Інвентаризація без жодного рядка нічого не повідомляє.",
         "У файлі {place} під заголовками немає жодного заповненого рядка. "
         "Внесіть кожен набір даних або інформаційний ресурс окремим рядком."),
    Code("unknown-department", "error", "Не вдалося визначити виконавчий орган",
         "Кожен файл має належати одному виконавчому органу з переліку кампанії.",
         "Не вдалося визначити, який виконавчий орган надіслав файл «{file}». "
         "Назвіть файл кодом органу з листа ІКТ (наприклад «{example}.xlsx»)."),
    # --- columns -------------------------------------------------------------------------
    Code("missing-column", "error", "Відсутня обов'язкова колонка",
         "Без цієї колонки неможливо заповнити паспорт набору даних.",
         "Немає обов'язкової колонки «{column}». Додайте її до рядка заголовків (як у шаблоні) і заповніть для кожного набору."),
    Code("unknown-column", "warning", "Невідома колонка",
         "Дані з колонок, яких немає в шаблоні, не потрапляють до реєстру.",
         "Колонка «{column}» ({cell}) не належить до шаблону, її вміст не враховано. "
         "Якщо це одна з колонок шаблону, виправте заголовок на точну назву з шаблону.{suggestion}"),
    Code("duplicate-column", "error", "Колонка повторюється",
         "Дві колонки з однаковою назвою роблять дані неоднозначними.",
         "Колонка «{column}» зустрічається двічі ({cell}). Залиште одну з них."),
    # --- header matching, inventories and data files (audits/inventory/header_match.py) ----
    # {label}: the header as written, or «колонка C (3)» for a blank one; {cell}: e.g. C1;
    # {suggestion}: « Схоже, це «Широта» (lat).» or empty; {fields}: the fields a label fits.
    Code("ambiguous-column", "error", "Заголовок підходить до кількох полів",
         "Колонку, яку можна прочитати як два різні поля, не перевірено жодним із них.",
         "Колонка «{label}» ({cell}) підходить до кількох полів: {fields}. Її вміст не враховано. "
         "Впишіть точну назву одного поля."),
    Code("blank-column", "warning", "Колонка без заголовка",
         "Значення колонки без заголовка не належать жодному полю.",
         "Заголовок {cell} порожній: {label} не має заголовка, її вміст не враховано. "
         "Впишіть назву колонки або видаліть колонку."),
    Code("more-unknown-columns", "warning", "Ще багато невідомих колонок",
         "Колонки, яких немає в схемі, не перевіряються.",
         "Ще {count} колонок (починаючи з {cell}) невідомі; їх не перевірено і не перелічено окремо."),
    Code("unknown-field-column", "warning", "Колонка не зі схеми набору",
         "Колонки, яких немає в схемі набору, не перевіряються.",
         "Колонка «{label}» ({cell}) не належить до схеми набору, її не перевірено.{suggestion}"),
    Code("missing-field-column", "error", "Немає колонки схеми",
         "Без колонки поле схеми неможливо перевірити.",
         "Немає колонки «{column}» ({field}). Додайте її до рядка заголовків; значення цього поля не перевірено."),
    Code("duplicate-field-column", "error", "Колонка повторюється",
         "Дві колонки одного поля роблять дані неоднозначними.",
         "Колонка «{label}» ({cell}) — це знову поле «{column}» ({field}). Перевірено лише першу таку колонку; "
         "залиште одну з них."),
    Code("no-field-columns", "error", "Жодна колонка не відповідає схемі",
         "Без заголовків схеми неможливо зрозуміти, що містить кожна колонка.",
         "У файлі «{file}» жоден заголовок не відповідає полям схеми (наприклад {headers}). "
         "Перший рядок має містити назви колонок схеми."),
    Code("row-shifted", "error", "Значення в рядку зсунуті",
         "Пропущена клітинка зсуває всі наступні значення в чужі колонки.",
         "Рядок {row}: на одну клітинку менше, ніж колонок, і значення, схоже, зсунуті на одну колонку ліворуч "
         "(у полі «{column}» стоїть значення наступного поля). Перевірте, яку клітинку пропущено; "
         "значення рядка не перевірено."),
    # --- cells ---------------------------------------------------------------------------
    Code("missing-value", "error", "Не заповнено обов'язкову клітинку",
         "Це поле є частиною паспорта набору даних.",
         "Клітинка {cell} («{column}») порожня, а її потрібно заповнити. Наприклад: «{example}»."),
    Code("not-in-list", "error", "Значення не зі списку",
         "Довільні значення неможливо порівняти між органами та з порталом.",
         "У клітинці {cell} («{column}») значення «{value}» не зі списку. "
         "Оберіть одне з: {allowed}. Наприклад: «{example}»."),
    Code("bad-date", "error", "Неправильна дата",
         "Дата потрібна, щоб перевірити вчасність оновлення.",
         "У клітинці {cell} («{column}») «{value}» не є правильною датою. "
         "Введіть дату у форматі дд.мм.рррр, наприклад «{example}»."),
    Code("bad-number", "error", "Неправильне число",
         "Кількість має бути числом, щоб її можна було підсумувати.",
         "У клітинці {cell} («{column}») «{value}» не є цілим числом. "
         "Введіть лише число без слів, наприклад «{example}»."),
    Code("bad-boolean", "error", "Потрібно «так» або «ні»",
         "Відповідь так/ні потрібна для обліку.",
         "У клітинці {cell} («{column}») «{value}» — потрібно «так» або «ні»."),
    Code("bad-email", "error", "Неправильна адреса електронної пошти",
         "За цією адресою з відповідальною особою зв'язуються користувачі даних.",
         "У клітинці {cell} («{column}») «{value}» не схоже на адресу електронної пошти. "
         "Приклад правильного значення: «{example}»."),
    Code("bad-url", "error", "Неправильне посилання",
         "Посилання має вести на сторінку набору на порталі.",
         "У клітинці {cell} («{column}») «{value}» не є посиланням. "
         "Скопіюйте адресу сторінки набору з браузера, наприклад «{example}»."),
    Code("bad-id", "error", "Неправильний ідентифікатор",
         "Ідентифікатор використовується в адресах і має бути простим.",
         "У клітинці {cell} («{column}») «{value}» — ідентифікатор може містити лише латинські "
         "літери, цифри, крапку, дефіс і підкреслення (до 64 символів), наприклад «{example}»."),
    Code("too-long", "error", "Задовгий текст",
         "Паспорт набору даних обмежує довжину цього поля.",
         "У клітинці {cell} («{column}») {length} символів, а дозволено не більше {limit}. Скоротіть текст."),
    Code("too-small", "error", "Значення менше допустимого",
         "Від'ємна кількість неможлива.",
         "У клітинці {cell} («{column}») «{value}» менше за {limit}. Введіть, наприклад, «{example}»."),
    Code("duplicate-id", "error", "Ідентифікатор повторюється",
         "Кожен набір даних має власний ідентифікатор.",
         "У клітинці {cell} («{column}») ідентифікатор «{value}» уже використано в рядку {other_row}. "
         "Дайте цьому набору інший ідентифікатор, який ще не використано у файлі."),
    # --- across fields -------------------------------------------------------------------
    Code("published-without-link", "error", "Оприлюднено, але немає посилання",
         "Без посилання неможливо перевірити оприлюднення на порталі.",
         "У рядку {row} набір позначено як оприлюднений, але клітинка {cell} («{column}») порожня. "
         "Додайте посилання на набір на data.gov.ua, наприклад «{example}», або вкажіть «ні»."),
    Code("personal-data-open", "warning", "Персональні дані з відкритим доступом",
         "Персональні дані оприлюднюють лише після знеособлення, якщо закон не вимагає іншого.",
         "У рядку {row} набір містить персональні дані, а рівень доступу {cell} — «відкрита». "
         "Перевірте: або дані будуть знеособлені перед оприлюдненням (зазначте це в примітках), "
         "або рівень доступу має бути «конфіденційна»."),
    Code("date-after-as-of", "error", "Дата в майбутньому",
         "Дата оновлення не може бути пізнішою за дату проведення аудиту.",
         "У клітинці {cell} («{column}») дата {value} пізніша за дату аудиту {as_of}. "
         "Перевірте рік і місяць, наприклад «{example}»."),
    Code("catalogue-suggestion", "warning", "Схоже на обов'язковий набір постанови № 835",
         "Обов'язкові набори мають бути позначені, щоб місто бачило, які з них уже є.",
         "Набір «{title}» (рядок {row}) схожий на обов'язковий набір з постанови КМУ № 835: "
         "«{item}» ({item_id}). Якщо це він, впишіть «{item_id}» у колонку «{column}» ({cell})."),
    Code("unknown-catalogue-ref", "warning", "Невідомий пункт постанови № 835",
         "Посилання на пункт, якого немає в переліку, не зараховується до виконання постанови.",
         "У клітинці {cell} («{column}») «{value}» не знайдено серед 73 наборів, які має оприлюднювати "
         "міська рада за постановою № 835. Вкажіть код пункту (наприклад «oms-10») або точну назву "
         "з переліку; якщо набір не з постанови, залиште клітинку порожньою."),
    Code("same-title-other-department", "warning", "Таку саму назву подав інший орган",
         "Один набір даних має одного розпорядника; дублікати заплутують реєстр.",
         "Набір «{value}» ({cell}) також подав орган «{other}». Узгодьте, хто з органів є "
         "розпорядником цих даних, або уточніть назву."),
    # --- against the national portal (a monitor snapshot) ------------------------------------
    Code("not-on-portal", "warning", "Позначено як оприлюднений, але на порталі його немає",
         "Оприлюдненим вважається лише набір, який є на Єдиному державному вебпорталі відкритих даних.",
         "Набір «{title}» (рядок {row}) позначено як оприлюднений, але на data.gov.ua (знімок від {snapshot}) "
         "його немає{link}. Перевірте посилання («{column}», {cell}) або оприлюдніть набір на порталі."),
    Code("snapshot-partial", "warning", "Знімок порталу неповний",
         "Показники неповного знімка стосуються лише наборів у файлі, а не всіх наборів на порталі.",
         "Знімок «{file}» неповний: портал повідомляє про {declared} наборів, а у файлі їх {held}. Показники "
         "нижче стосуються лише цих {held} наборів, а «немає на порталі» не перевіряється. Збережіть усі сторінки відповіді package_search "
         "(параметри rows і start) або запустіть монітор з --org без --from-file."),
    Code("snapshot-mixed-organizations", "warning", "У знімку набори кількох організацій",
         "Кожну організацію оцінено окремо: набори однієї не зараховано іншій.",
         "У знімку «{file}» набори {count} організацій: {organizations}. Кожну оцінено окремо; щоб оцінити "
         "лише одну, додайте --org НАЗВА."),
    Code("snapshot-unreadable-package", "warning", "Набір зі знімка не прочитано",
         "Текст, який не можна записати в UTF-8 (зокрема одинокий сурогат \\ud800), не зберігається й не оцінюється.",
         "У знімку «{file}» {count} наборів мають текст, який не є коректним UTF-8 (наприклад, одинокий "
         "сурогат «\\ud800»), і їх пропущено: {package}. Збережіть відповідь порталу ще раз."),
    Code("changed-after-audit-date", "warning", "Набір змінено після дати аудиту",
         "Своєчасність оцінюють на дату аудиту; зміну, зроблену пізніше, не можна вважати оновленням на цю дату.",
         "Набір «{title}» ({package}) змінено пізніше за дату аудиту {as_of}: {dates}. Своєчасність на дату "
         "аудиту невідома. Перевірте дату аудиту (--as-of) або візьміть знімок, збережений на цю дату."),
    # --- the working group's sheet (odaudit review import); {file}, {cell}, {column} -----------
    Code("review-not-a-sheet", "error", "Це не аркуш пропозицій odaudit",
         "Рішення приймаються лише з аркуша, вивантаженого odaudit: він пам'ятає, що саме бачила група.",
         "Файл «{file}» не є аркушем пропозицій odaudit (немає службового аркуша «_odaudit» або аркуша "
         "«Пропозиції»). Заповніть рішення у файлі proposals.xlsx, який створила програма, і завантажте його."),
    Code("review-unknown-export", "error", "Невідоме вивантаження",
         "Рішення можна зіставити лише з вивантаженням, яке зберігається в реєстрі.",
         "Файл «{file}» належить до вивантаження № {value} кампанії «{campaign}», якого немає в цьому реєстрі. "
         "Перевірте параметр --db або вивантажте пропозиції заново (odaudit proposals --out …)."),
    Code("review-unknown-row", "error", "Рядок, якого не було у вивантаженні",
         "Додані вручну рядки не мають розрахунку балів і не можуть бути рішенням групи.",
         "Рядок {row} аркуша «Пропозиції» (№ «{value}») не відповідає жодному рядку вивантаження. "
         "Не додавайте рядків: нові пропозиції з'являються після оновлення переліків органів."),
    Code("review-edited", "error", "Змінено клітинку поза стовпцями рішень",
         "Бал і обґрунтування розраховує програма; змінене значення означало б рішення щодо іншого.",
         "Клітинку {cell} («{column}») змінено: було «{expected}», стало «{value}». Змінювати можна лише "
         "стовпці «Рішення», «Коментар», «Відповідальний», «Термін». Поверніть значення і завантажте файл ще раз."),
    Code("review-unknown-decision", "error", "Невідоме рішення",
         "Рішення має бути одним зі списку, щоб план оприлюднення був однозначним.",
         "У клітинці {cell} («Рішення») написано «{value}». Оберіть зі списку: «схвалити», «відхилити» "
         "або «відкласти»."),
    Code("review-missing-deadline", "error", "Схвалено без терміну",
         "План оприлюднення вказує термін для кожного набору.",
         "Набір «{title}» схвалено (рядок {row}), але не вказано «Термін» ({cell}). Вкажіть дату, "
         "наприклад «01.12.2020»."),
    Code("review-bad-deadline", "error", "Термін не є датою",
         "Термін потрібен як дата, щоб стежити за виконанням плану.",
         "У клітинці {cell} («Термін») значення «{value}» не є датою. Вкажіть дату у форматі ДД.ММ.РРРР, "
         "наприклад «01.12.2020»."),
    Code("review-proposal-changed", "error", "Пропозиція змінилася після вивантаження",
         "Рішення стосується того, що бачила група; якщо дані змінилися, його треба ухвалити заново.",
         "Пропозиція «{title}» (рядок {row}) змінилася після вивантаження № {value}{detail}. Рішення по ній "
         "не внесено: вивантажте свіжий аркуш (odaudit proposals --out …) і перенесіть рішення."),
    Code("review-deadline-past", "warning", "Термін уже минув",
         "Термін у минулому — найчастіше описка в даті; план із таким терміном одразу прострочений.",
         "Набір «{title}» схвалено (рядок {row}) з терміном {value}, який уже минув (сьогодні {today}). Рішення "
         "внесено; якщо в даті описка, виправте «Термін» ({cell}) і завантажте аркуш ще раз."),
    Code("review-no-decision", "warning", "Заповнено поля без рішення",
         "Коментар чи термін без рішення нічого не змінює.",
         "У рядку {row} заповнено «{column}», але не обрано «Рішення»: рядок пропущено. Оберіть рішення, "
         "якщо група його ухвалила."),
    # --- data files (odaudit data check): codes are frictionless's own where the rule is ----------
    # frictionless's, so the fast path and the frictionless path report the same codes; {row} is the
    # line of the data file, {column} the field's title.
    Code("type-error", "error", "Значення не того типу", "Значення має бути того типу, що в схемі набору.",
         "Рядок {row}, поле «{column}»: «{value}» — це не {type_uk}. Приклад правильного значення: «{example}»."),
    Code("constraint-error", "error", "Порушено обмеження схеми", "Схема набору обмежує допустимі значення поля.",
         "Рядок {row}, поле «{column}»: {constraint_uk}."),
    Code("missing-cell", "error", "Бракує клітинки", "У рядку менше значень, ніж колонок.",
         "Рядок {row}: бракує значення для поля «{column}» (у рядку менше клітинок, ніж колонок). "
         "Перевірте розділювачі в рядку."),
    Code("extra-cell", "error", "Зайва клітинка", "Значення поза колонками не належить жодному полю.",
         "Рядок {row}: зайве значення «{value}» у колонці {field_number}, якої немає в схемі. "
         "Перевірте, чи не містить текст коми без лапок."),
    Code("blank-row", "error", "Порожній рядок", "Порожні рядки плутають підрахунки й імпорт.",
         "Рядок {row} порожній. Видаліть його."),
    Code("unique-error", "error", "Значення повторюється", "Поле має бути унікальним.",
         "Рядок {row}, поле «{column}»: «{value}» уже є в рядку {other_row}. Значення має бути унікальним."),
    Code("primary-key", "error", "Повторюється або порожній первинний ключ",
         "Первинний ключ однозначно визначає запис.",
         "Рядок {row}: первинний ключ ({column}) {detail}."),
    Code("label-error", "error", "Заголовок не відповідає схемі", "Кожна колонка має бути названа полем схеми (назвою, підписом або псевдонімом).",
         "Заголовок колонки {field_number}: {detail}. Очікувані колонки: {expected}."),
    # --- content expectations (Great Expectations) ---------------------------------------
    Code("contact-point-data", "warning", "Контактна особа набору, не персональні дані для вилучення",
         "Постанова № 835 вимагає в паспорті кожного набору відповідальну особу та її електронну пошту.",
         "Колонка «{column}» — контактна особа набору (значень, схожих на ім'я або e-mail: {count}; перше — "
         "рядок {row}, «{value}»). Це не персональні дані для вилучення; переконайтеся лише, що це службові "
         "контакти посадових осіб, а не мешканців."),
    Code("gx-expectation-failed", "warning", "Дані не відповідають очікуванню",
         "Схема не може сказати всього про зміст: координати, дати, суми, повноту.",
         "Поле «{column}»: {expectation_uk} — не виконано ({detail})."),
]

# --- the privacy screen: one code per kind of personal data (audits/data/privacy/) ---------
PERSONAL_KINDS = {
    "rnokpp": "РНОКПП (ідентифікаційний номер)",
    "passport": "серію й номер паспорта",
    "id-card": "номер ID-картки",
    "phone": "номер телефону",
    "email": "адресу електронної пошти",
    "iban": "номер рахунку IBAN",
    "full-name": "прізвище, ім'я та по батькові",
}
_CODES += [Code(f"personal-{kind}", "error", f"Схоже на персональні дані: {label}",
                "Персональні дані оприлюднюють лише після знеособлення, якщо закон не вимагає іншого.",
                "Рядок {row}, поле «{column}»: схоже на " + label + " («{value}»). Знеособте дані або "
                "передайте файл на перевірку відповідальному за захист персональних даних (odaudit data review), "
                "інакше набір не буде запропоновано до оприлюднення.")
           for kind, label in PERSONAL_KINDS.items()]


def _index(codes: list[Code]) -> dict[str, Code]:
    """The catalogue by code; a code defined twice is a mistake, not a second text."""
    index: dict[str, Code] = {}
    for entry in codes:
        if entry.code in index:
            raise ValueError(f"finding code {entry.code!r} is defined twice in the catalogue")
        index[entry.code] = entry
    return index


CODES: dict[str, Code] = _index(_CODES)

# --- words the data-file messages put into their templates -----------------------------------
TYPE_UK = {"string": "текст", "integer": "ціле число", "number": "число", "boolean": "так/ні",
           "date": "дата", "year": "рік", "datetime": "дата й час", "time": "час"}
EXAMPLE = {"integer": "12", "number": "12.5", "year": "2020", "date": "2020-06-01", "boolean": "так",
           "datetime": "2020-06-01T10:00:00", "time": "10:00:00"}
CONSTRAINT_UK = {
    "required": "значення не заповнено, а поле обов'язкове",
    "unique": "значення повторюється",
    "minimum": "«{value}» менше за мінімум {limit}",
    "maximum": "«{value}» більше за максимум {limit}",
    "minLength": "«{value}» коротше за {limit} символів",
    "maxLength": "текст довший за {limit} символів",
    "pattern": "«{value}» не відповідає шаблону {limit}",
    "enum": "«{value}» не зі списку: {limit}",
}


DATASETS = ("набір", "набори", "наборів")     # plural(n, *DATASETS): 1 набір, 94 набори, 106 наборів


def plural(n: int, one: str, few: str, many: str) -> str:
    """Ukrainian agreement of a noun with a number: 1 запит, 3 запити, 5 запитів, 21 запит."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} {one}"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} {few}"
    return f"{n} {many}"


# What is wrong with a header cell of a data file (frictionless's label errors), for label-error's
# {detail}: {found} is the header as written, quoted, or unnamed_column(...) when it is blank.
LABEL_UK = {
    "incorrect-label": "{found} замість «{wanted}»",
    "missing-label": "бракує колонки «{wanted}»",
    "extra-label": "зайва колонка {found}",
    "blank-label": "заголовок порожній, очікується «{wanted}»",
    "duplicate-label": "{found} повторюється",
}


def unnamed_column(letter: str | None = None, number: int | None = None) -> str:
    """A column with a blank header, named by its letter and number: «без заголовка (стовпець C, № 3)»."""
    number = number or _column_number(letter)
    where = ", ".join(p for p in (f"стовпець {letter}" if letter else "", f"№ {number}" if number else "") if p)
    return f"без заголовка ({where})" if where else "без заголовка"


def label_detail(code: str, found: str | None, wanted: str | None = None, letter: str | None = None,
                 number: int | None = None) -> str:
    """label-error's {detail}: the header as written in «», or named by letter and number when blank."""
    shown = f"«{found}»" if found and str(found).strip() else unnamed_column(letter, number)
    return LABEL_UK.get(code, "{found}").format(found=shown, wanted=wanted or "")


def render(code: str, **params) -> str:
    """The Ukrainian message of ``code``; missing parameters render as an empty string; a blank
    ``column`` (a header left empty) is named by its letter and number, never as «»."""
    template = CODES[code].template
    if not str(params.get("column") or "").strip():
        template = _unnamed_column_template(template, params)
    if not str(params.get("cell") or "").strip():
        template = _without_cell(template)
    return template.format_map(_Blank(params))


def _without_cell(template: str) -> str:
    """No cell to point at (the field's column is not in the file): the column's name alone."""
    for old, new in ((" {cell} («{column}»)", " «{column}»"), ("«{column}», {cell}", "«{column}»"),
                     (" ({cell})", ""), (" {cell}", "")):
        template = template.replace(old, new)
    return template


def _unnamed_column_template(template: str, params: dict) -> str:
    letter = params.get("column_letter") or re.sub(r"[^A-Z]", "", str(params.get("cell") or "")) or None
    name = unnamed_column(letter, params.get("field_number"))
    return template.replace("«{column}» ({cell})", name).replace("«{column}»", name)


def _column_number(letter: str | None) -> int | None:
    """A → 1, Z → 26, AA → 27; None for no letter."""
    if not letter or not letter.isalpha():
        return None
    number = 0
    for char in letter.upper():
        number = number * 26 + ord(char) - 64
    return number


def severity(code: str) -> str:
    """The severity of ``code``; a code outside the catalogue (a frictionless one) is an error."""
    return CODES[code].severity if code in CODES else "error"


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
