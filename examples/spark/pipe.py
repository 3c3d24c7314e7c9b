"""libkg under Spark: extraction as the map step (RDD.pipe), merging as the reduce step.

spark-submit pipe.py archive.jsonl graph.json   (kg-export must be on every worker's PATH)
"""
import sys
from pyspark import SparkContext

MAP = "kg-export -q --skip-bad --format triples --input-format jsonl -"
REDUCE = "kg-export -q --input-format triples --format json -"

if __name__ == "__main__":
    src, dst = sys.argv[1], sys.argv[2]
    sc = SparkContext(appName="libkg")
    articles = sc.textFile(src)                      # one JSON article per line
    records = articles.pipe(MAP)                     # per partition: articles in, records out
    graph = records.coalesce(1).pipe(REDUCE)         # one reducer: records in, node-link JSON out
    with open(dst, "w") as out:
        for line in graph.toLocalIterator():
            out.write(line + "\n")
