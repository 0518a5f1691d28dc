// description: 政策脉络 — documents per research direction and year, with their titles (from 2012 on by default)
// param since: int = 2012 — the first year
MATCH (d:Document)
WHERE d.year IS NOT NULL AND d.year >= $since AND NOT d:Guide
UNWIND d.directions AS direction
WITH direction, d.year AS year, d.date AS date, d.id AS doc_id, d.title AS title ORDER BY date, doc_id
WITH direction, year, collect(title) AS titles, collect(doc_id) AS doc_ids
RETURN direction, year, size(doc_ids) AS documents, titles, doc_ids
ORDER BY direction, year
