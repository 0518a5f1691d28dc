// description: 文档信息 — one document's metadata: title, kind, issuers, date, 发文字号, source and its kind (official/society/media/repost), whether it is a summary, and its number of passages
// param doc_id: str — the Document id
MATCH (d:Document {id: $doc_id})
RETURN d.id AS doc_id, d.title AS title, d.kind AS kind, d.issuers AS issuers, d.date AS date, d.year AS year,
       d.doc_number AS doc_number, d.source_url AS source_url, d.source_kind AS source_kind, d.retrieved AS retrieved, d.path AS path,
       d.summary AS summary,
       d.directions AS directions, COUNT { (d)<-[:PART_OF]-(:Passage) } AS passages
