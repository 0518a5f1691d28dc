// description: 全文检索 — passages whose words match the query (the query is segmented into words by the caller)
// param query: str — words separated by spaces (see kg.search.fulltext_query)
// param limit: int = 20 — the most hits
// the index ranks its hits and keeps the best (a common word hits most passages: scoring and reading them all
// takes seconds at a million nodes); a margin of them so that the ties at the cut are ordered by id here
CALL db.index.fulltext.queryNodes('passage_search', $query, {limit: $limit * 10 + 100}) YIELD node, score
WITH node, score ORDER BY score DESC, node.id LIMIT $limit
MATCH (node)-[:PART_OF]->(d:Document)
RETURN node.id AS passage_id, node.text AS text, d.id AS doc_id, d.title AS title, score
ORDER BY score DESC, passage_id
