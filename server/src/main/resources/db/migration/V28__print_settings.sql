-- The unit's settings for its printed documents: the paper its PDFs are laid out on when a request names none
-- (a4 or letter), and the language the patient information sheet is written in when a request names none (a BCP 47
-- tag of sheet/languages.tsv). One row; the values below are what the documents used before the setting existed.
CREATE TABLE print_settings (
    id             VARCHAR(10)  PRIMARY KEY,
    version        INTEGER      NOT NULL,
    paper          VARCHAR(10)  NOT NULL,
    sheet_language VARCHAR(35)  NOT NULL,
    updated_at     TIMESTAMP    NOT NULL,
    updated_by     VARCHAR(100) NOT NULL
);
INSERT INTO print_settings VALUES ('unit', 1, 'a4', 'en', TIMESTAMP '2026-01-01 00:00:00', 'system');
