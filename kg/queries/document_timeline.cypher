// description: 政策时间线 — the documents (optionally of one kind) with date, issuers, 发文字号 and research directions, oldest first; undated documents have date null
// param kind: str = "" — policy, case, report, speech or news; "" for all
MATCH (d:Document)
WHERE NOT d:Guide AND ($kind = '' OR d.kind = $kind)
RETURN d.id AS doc_id, d.title AS title, d.kind AS kind, d.date AS date, d.year AS year, d.issuers AS issuers,
       d.doc_number AS doc_number, d.directions AS directions, d.source_url AS source_url
ORDER BY coalesce(d.date, '9999'), doc_id
