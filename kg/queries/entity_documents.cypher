// description: the documents that mention an entity, with the number of mentions in each
// param entity_id: str — the entity id
// param limit: int = 50 — the most documents to return
MATCH (e:Entity {id: $entity_id})<-[m:MENTIONS]-(p:Passage)-[:PART_OF]->(d:Document)
RETURN d.id AS doc_id, d.title AS title, d.date AS date, d.kind AS kind, count(m) AS mentions
ORDER BY mentions DESC, doc_id
LIMIT $limit
