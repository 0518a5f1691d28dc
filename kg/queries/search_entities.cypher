// description: 实体检索 — entities whose name or aliases match the query (segmented into words by the caller)
// param query: str — words separated by spaces (see kg.search.fulltext_query)
// param limit: int = 20 — the most hits
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
RETURN node.id AS id, node.name AS name, node.label AS label, node.aliases AS aliases,
       node.generic AS generic, score
ORDER BY score DESC, id
LIMIT $limit
