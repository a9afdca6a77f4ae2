-- Public exposure reports of the hostile-act register (issue 16): the HTML served on
-- /public/exposure/{id} exactly as published, and the STIX bundle (the report and the TLP:CLEAR
-- objects it names). Only what the anonymous public may read was put in them.
CREATE TABLE exposure_reports (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    title           VARCHAR(300)  NOT NULL,
    published_by    VARCHAR(100)  NOT NULL,
    published_us    BIGINT        NOT NULL,
    stix_report_id  VARCHAR(300)  NOT NULL,
    html            VARCHAR       NOT NULL,
    stix            VARCHAR       NOT NULL
);
CREATE INDEX exposure_reports_by_time ON exposure_reports (published_us);
