-- Daily border-crossing counts per crossing point and nationality group (issue 16, instrumentalised
-- migration): the series the surge detector reads. Same SQL subset as V1 (H2 in PostgreSQL mode and
-- PostgreSQL). A re-imported key replaces its count (a corrected figure).
CREATE TABLE migration_crossings (
    crossing_point     VARCHAR(200) NOT NULL,
    crossing_date      DATE         NOT NULL,
    nationality_group  VARCHAR(100) NOT NULL,
    crossings          INTEGER      NOT NULL,
    -- who imported it, as which nation, when (microseconds since the epoch)
    origin_nation      VARCHAR(16)  NOT NULL,
    imported_by        VARCHAR(100) NOT NULL,
    imported_us        BIGINT       NOT NULL,
    PRIMARY KEY (crossing_point, crossing_date, nationality_group)
);
