// description: 文档年份 — how many documents there are of each kind and year (year null: undated), for a timeline's filters before its documents are read
MATCH (d:Document)
WHERE NOT d:Guide
RETURN d.kind AS kind, d.year AS year, count(*) AS documents
ORDER BY kind, coalesce(year, 0)
