"""Department templates generated from the inventory schema: XLSX and ODS, with the campaign,
department and template version embedded so that a returned (even renamed) file is recognised."""
