// description: 全文检索 — passages whose words match the query (the query is segmented into words by the caller)
// param query: str — words separated by spaces (see kg.search.fulltext_query)
// param limit: int = 20 — the most hits
CALL db.index.fulltext.queryNodes('passage_search', $query) YIELD node, score
MATCH (node)-[:PART_OF]->(d:Document)
RETURN node.id AS passage_id, node.text AS text, d.id AS doc_id, d.title AS title, score
ORDER BY score DESC, passage_id
LIMIT $limit
