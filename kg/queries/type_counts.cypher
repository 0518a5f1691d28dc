// description: 类型统计 — how many nodes of each type: documents by kind, entities by label, passages, recommendations, guide items
// One count per label of the schema (schema/vocabulary.py NODE_TYPES): a label's count is kept by both
// stores, so this reads no passage, recommendation or mention; documents and entities (thousands, not
// millions) are read to group them by kind and by label.
CALL {
  MATCH (n:Document) RETURN 'Document' AS type, n.kind AS kind, count(*) AS count
  UNION ALL
  MATCH (n:Entity) RETURN n.label AS type, '' AS kind, count(*) AS count
  UNION ALL
  MATCH (n:Passage) RETURN 'Passage' AS type, '' AS kind, count(n) AS count
  UNION ALL
  MATCH (n:Recommendation) RETURN 'Recommendation' AS type, '' AS kind, count(n) AS count
  UNION ALL
  MATCH (n:ResearchDirection) RETURN 'ResearchDirection' AS type, '' AS kind, count(n) AS count
  UNION ALL
  MATCH (n:ResearchContent) RETURN 'ResearchContent' AS type, '' AS kind, count(n) AS count
  UNION ALL
  MATCH (n:Indicator) RETURN 'Indicator' AS type, '' AS kind, count(n) AS count
  UNION ALL
  MATCH (n:Review) RETURN 'Review' AS type, '' AS kind, count(n) AS count
  UNION ALL
  MATCH (n:Merge) RETURN 'Merge' AS type, '' AS kind, count(n) AS count
}
WITH type, kind, count WHERE count > 0
RETURN type, kind, count
ORDER BY type, kind
