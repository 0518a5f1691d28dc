// description: 文档列表 — documents to read, most recent first (undated last), with title, kind and date
// param limit: int = 500 — the most documents to return
MATCH (d:Document)
RETURN d.id AS doc_id, d.title AS title, d.kind AS kind, d.date AS date
ORDER BY coalesce(d.date, '') DESC, doc_id
LIMIT $limit
