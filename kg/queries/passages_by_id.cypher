// description: passages by id with their document (title, date), for the evidence of graph edges
// param ids: str — passage ids, comma-separated
// param limit: int = 200 — the most passages to return
UNWIND split($ids, ',') AS given
WITH DISTINCT given AS id
MATCH (p:Passage {id: id})-[:PART_OF]->(d:Document)
RETURN p.id AS id, p.text AS text, d.id AS doc_id, d.title AS title, d.date AS date
ORDER BY id
LIMIT $limit
