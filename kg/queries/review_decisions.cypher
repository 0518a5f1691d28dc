// description: 审核 — every review decision (verified / rejected / corrected) with what the fact said, who decided and when, newest first
// param limit: int = 500 — the most decisions to return
MATCH (d:Review)
RETURN d.fact_key AS fact_key, d.status AS status, d.kind AS kind, d.text AS text, d.value AS value,
       d.note AS note, d.by AS by, d.at AS at
ORDER BY at DESC, fact_key
LIMIT $limit
