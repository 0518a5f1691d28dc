// description: the documents that mention an entity, with the number of mentions in each
// param entity_id: str — the entity id
// param limit: int = 50 — the most documents to return
MATCH (e:Entity {id: $entity_id})<-[m:MENTIONS]-(p:Passage)
// counted by the passages' document ids, and only the documents kept are read (a hub is mentioned in tens of
// thousands of passages)
WITH p.doc_id AS doc_id, count(m) AS mentions
ORDER BY mentions DESC, doc_id
LIMIT $limit
MATCH (d:Document {id: doc_id})
RETURN d.id AS doc_id, d.title AS title, d.date AS date, d.kind AS kind, mentions
ORDER BY mentions DESC, doc_id
