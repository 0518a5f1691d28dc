// description: 类型统计 — how many nodes of each type: documents by kind, entities by label, passages, recommendations, guide items
MATCH (n)
WITH CASE WHEN n:Document THEN 'Document' WHEN n:Entity THEN n.label ELSE head(labels(n)) END AS type,
     CASE WHEN n:Document THEN n.kind ELSE '' END AS kind
RETURN type, kind, count(*) AS count
ORDER BY type, kind
