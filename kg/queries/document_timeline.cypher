// description: 政策时间线 — the documents (optionally of some kinds and years) with date, issuers, 发文字号 and research directions, oldest first; undated documents have date null and are kept whatever the years
// param kind: str = "" — policy, case, report, speech or news, or several comma-separated (e.g. "policy,report"); "" for all
// param from_year: int = 0 — only documents of this year or later (and those with no year), 0 for all years
// param to_year: int = 9999 — only documents of this year or earlier (and those with no year)
MATCH (d:Document)
WHERE NOT d:Guide AND ($kind = '' OR d.kind IN split($kind, ','))
  AND (d.year IS NULL OR (d.year >= $from_year AND d.year <= $to_year))
RETURN d.id AS doc_id, d.title AS title, d.kind AS kind, d.date AS date, d.year AS year, d.issuers AS issuers,
       d.doc_number AS doc_number, d.directions AS directions, d.source_url AS source_url
ORDER BY coalesce(d.date, '9999'), doc_id
