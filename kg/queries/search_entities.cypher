// description: 实体检索 — entities whose name, aliases or merged names match the query (segmented into words by the caller); entities a drafter rejected are left out
// param query: str — words separated by spaces (see kg.search.fulltext_query)
// param limit: int = 20 — the most hits
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE coalesce(node.review, '') <> 'rejected'
RETURN node.id AS id, node.name AS name, node.label AS label, node.aliases AS aliases,
       node.generic AS generic, score
ORDER BY score DESC, id
LIMIT $limit
