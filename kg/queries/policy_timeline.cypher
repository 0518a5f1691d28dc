// description: 政策脉络 — documents per research direction and year, with their titles (from 2012 on by default)
// param since: int = 2012 — the first year
MATCH (d:Document)
WHERE d.year IS NOT NULL AND d.year >= $since AND NOT d:Guide
UNWIND d.directions AS direction
WITH direction, d.year AS year, d ORDER BY d.date, d.id
RETURN direction, year, count(d) AS documents, collect(d.title) AS titles, collect(d.id) AS doc_ids
ORDER BY direction, year
