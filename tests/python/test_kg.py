#!/usr/bin/env python3
"""Tests of the Python module kg (issue 17) against the tools: what kg.build() builds, Graph.write() writes
and Graph's queries answer must equal what kg-export and kg-query give on the same input, and errors must
carry the tools' messages and exit codes.

Run by CTest (tests/CMakeLists.txt) with PYTHONPATH at the built module and KG_EXPORT, KG_QUERY and
KG_SOURCE_DIR in the environment; by hand:
  PYTHONPATH=build/python KG_EXPORT=build/kg-export KG_QUERY=build/kg-query KG_SOURCE_DIR=. \
    python3 tests/python/test_kg.py -v
Standard library and NetworkX only (Debian 12: NetworkX 2.8; 3.x works too).
"""
import _thread
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import warnings

import kg

KG_EXPORT = os.environ["KG_EXPORT"]
KG_QUERY = os.environ["KG_QUERY"]
SOURCE = pathlib.Path(os.environ["KG_SOURCE_DIR"])
SEEDS = SOURCE / "seeds"


def run(*args):
    """Runs a tool on no standard input (so that no INPUT means the built-in sample); returns (code, out, err)."""
    p = subprocess.run([str(a) for a in args], stdin=subprocess.DEVNULL, capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8")


def tool_message(tool, err):
    """The message of a tool's error: its stderr without "tool: " and the usage hint that kg-query adds."""
    prefix = os.path.basename(tool) + ": "
    assert err.startswith(prefix), err
    message = err[len(prefix):].rstrip("\n")
    hint = "\nTry '" + os.path.basename(tool) + " --help'."
    return message[: -len(hint)] if message.endswith(hint) else message


def node_link(data):
    import networkx
    from networkx.readwrite import json_graph

    try:
        return json_graph.node_link_graph(data, edges="edges")
    except TypeError:  # NetworkX < 3.4 names the argument link=
        return json_graph.node_link_graph(data, link="edges")


class Tools(unittest.TestCase):
    """A temporary directory, and the built-in sample's graph as kg-export --json saves it."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="kg-python-test-"))
        cls.sample_json = cls.tmp / "sample.json"
        code, _, err = run(KG_EXPORT, "-q", "--json", "-o", cls.sample_json)
        assert code == 0, err
        cls.graph = kg.build(kg.sample())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def assertSameError(self, tool_args, call, exit_code):
        """`call()` raises kg.Error with the exit code and message the tool gives for `tool_args`."""
        code, _, err = run(*tool_args)
        self.assertEqual(code, exit_code, err)
        with self.assertRaises(kg.Error) as caught:
            call()
        self.assertEqual(caught.exception.exit_code, exit_code)
        self.assertEqual(str(caught.exception), tool_message(tool_args[0], err))
        return caught.exception


class Extract(unittest.TestCase):
    TEXT = ("Chloé Dubois, chief executive of Nordvale Bank, met Chinese Premier Li Qiang in Shanghai on "
            "Tuesday 🎉. 中文 readers learned that Nordvale Bank is based in Zürich, Switzerland. "
            "Li Qiang visited Germany last week 😀 and met Olaf Scholz in Berlin.")

    def test_offsets_are_code_points(self):
        x = kg.extract(self.TEXT, id="story")
        self.assertEqual(x["id"], "story")
        spans = [m for e in x["entities"] for m in e["mentions"]] + [r["evidence"] for r in x["relations"]]
        self.assertTrue(x["entities"] and x["relations"], x)
        for s in spans:
            self.assertEqual(self.TEXT[s["start"]:s["end"]], s["text"], s)
        # Past 'é', '🎉' and '中文' code points and UTF-8 bytes differ: these spans prove the conversion.
        late = [s for s in spans if s["start"] > self.TEXT.index("中文")]
        self.assertTrue(late, spans)
        names = {e["name"] for e in x["entities"]}
        self.assertIn("Li Qiang", names)
        self.assertIn("Nordvale Bank", names)

    def test_relations_name_their_entities(self):
        x = kg.extract(self.TEXT)
        self.assertEqual(x["id"], "doc")
        for r in x["relations"]:
            self.assertEqual(x["entities"][r["subject_index"]]["name"], r["subject"])
            self.assertEqual(x["entities"][r["object_index"]]["name"], r["object"])
            self.assertTrue(0 < r["confidence"] <= 1)
            self.assertIsInstance(r["evidence"]["negated"], bool)
            self.assertIsInstance(r["evidence"]["former"], bool)
            self.assertIsInstance(r["evidence"]["modality"], str)
        for e in x["entities"]:
            self.assertIn(e["type"], {"PERSON", "COMPANY", "ORGANIZATION", "COUNTRY", "LOCATION", "EVENT",
                                      "PRODUCT", "POLICY", "UNKNOWN"})

    def test_same_as_the_graph_builder(self):
        # A document's extraction is what the graph holds of it: every mention extract() finds in a sample
        # article is a mention of a node of the sample's graph at the same (byte) place.
        doc = kg.sample()[0]
        x = kg.extract(doc["text"], id=doc["id"])
        text = doc["text"]
        self.assertTrue(x["entities"])
        self.assertNotEqual(len(text), len(text.encode()))  # curly quotes: bytes and code points differ
        graph_mentions = {(m["start"], m["end"], m["text"])
                          for n in kg.build(kg.sample()).nodes() for m in n["mentions"] if m["doc"] == doc["id"]}
        graph_cp = {(m["cp_start"], m["cp_end"], m["text"])
                    for n in kg.build(kg.sample()).nodes() for m in n["mentions"] if m["doc"] == doc["id"]}
        for e in x["entities"]:
            for m in e["mentions"]:
                start = len(text[:m["start"]].encode())
                self.assertIn((start, start + len(m["text"].encode()), m["text"]), graph_mentions)
                # The graph's code-point offsets are extract()'s, and slice the text as Python does.
                self.assertIn((m["start"], m["end"], m["text"]), graph_cp)
                self.assertEqual(text[m["start"]:m["end"]], m["text"])

    def test_lone_surrogate_is_bad_input(self):
        with self.assertRaises(kg.Error) as caught:
            kg.extract("Li Qiang \ud800 visited Paris.", id="bad")
        self.assertEqual((caught.exception.exit_code, str(caught.exception)), (3, 'bad: "text" is not valid UTF-8'))


class Build(Tools):
    def test_sample_same_bytes_as_kg_export(self):
        formats = ("json", "graphml", "yed", "gexf", "cytoscape", "dot", "html")
        cases = [((fmt,), {}, ["--format", fmt]) for fmt in formats]
        cases += [(("json",), {"links_key": "links"}, ["--json", "--links-key", "links"]),
                  (("json",), {"extraction": False}, ["--json", "--no-extraction"]),
                  (("dot",), {"show_negated": True}, ["--dot", "--show-negated"]),
                  (("dot",), {"max_nodes": 5, "keep_isolated": True}, ["--dot", "--max-nodes", "5", "--keep-isolated"])]
        for i, (args, kwargs, tool_args) in enumerate(cases):
            ours, theirs = self.tmp / f"ours{i}", self.tmp / f"theirs{i}"
            self.graph.write(ours, *args, **kwargs)
            code, _, err = run(KG_EXPORT, "-q", *tool_args, "-o", theirs)
            self.assertEqual(code, 0, err)
            self.assertEqual(ours.read_bytes(), theirs.read_bytes(), tool_args)
        self.graph.write(self.tmp / "csv", "csv")
        code, _, err = run(KG_EXPORT, "-q", "--csv", "-o", self.tmp / "csv-tool")
        self.assertEqual(code, 0, err)
        for f in ("nodes.csv", "relationships.csv"):
            self.assertEqual((self.tmp / "csv" / f).read_bytes(), (self.tmp / "csv-tool" / f).read_bytes())

    def test_paths_same_as_kg_export_any_threads(self):
        # A directory, and JSONL with metadata, as kg-export reads them.
        corpus = self.tmp / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for i, d in enumerate(kg.sample()):
                f.write(json.dumps({"id": f"n{i}", "text": d["text"], "title": f"Story {i}",
                                    "date": f"2024-07-{i + 1:02d}", "publisher": "Test", "url": f"https://x/{i}"}) + "\n")
        code, _, err = run(KG_EXPORT, "-q", "-j", "2", "--json", "-o", self.tmp / "tool.json", SEEDS, corpus)
        self.assertEqual(code, 0, err)
        expected = (self.tmp / "tool.json").read_bytes()
        for threads in (1, 2, 0):
            g = kg.build([str(SEEDS), corpus], threads=threads)
            g.write(self.tmp / "py.json", "json")
            self.assertEqual((self.tmp / "py.json").read_bytes(), expected, f"threads={threads}")
        self.assertEqual(len(g.documents()), 10)
        # A JSONL line's metadata, and its text found to be a copy of the sample article it repeats.
        sample = kg.sample()[0]
        self.assertEqual(g.documents()[5], {"id": "n0", "source": f"{corpus}:1", "bytes": len(sample["text"].encode()),
                                            "title": "Story 0", "date": "2024-07-01", "publisher": "Test",
                                            "url": "https://x/0", "duplicate_of": sample["id"]})

    def test_dicts_and_generators(self):
        docs = kg.sample()
        from_generator = kg.build(d for d in docs)
        self.assertEqual(from_generator.nodes(), self.graph.nodes())
        self.assertEqual(from_generator.edges(), self.graph.edges())
        # Without "source", a dict's document comes from its place in the argument; the graph is the same.
        plain = kg.build([{"id": d["id"], "text": d["text"]} for d in docs])
        self.assertEqual(plain.edges(), self.graph.edges())
        self.assertEqual([d["source"] for d in plain.documents()], [f"docs[{i}]" for i in range(len(docs))])
        one = kg.build({"id": "a", "text": "Li Qiang visited Paris."})
        self.assertEqual([d["id"] for d in one.documents()], ["a"])
        self.assertEqual(len(kg.build([])), 0)

    def test_graph_basics(self):
        g = self.graph
        data = json.loads(self.sample_json.read_text(encoding="utf-8"))
        self.assertEqual(len(g), len(data["nodes"]))
        self.assertEqual(g.num_entities, len(data["nodes"]))
        self.assertEqual(g.num_relations, len(data["edges"]))
        self.assertEqual(repr(g), f"<kg.Graph: {len(data['nodes'])} entities, {len(data['edges'])} relations, 5 documents>")
        self.assertEqual(g.nodes(), data["nodes"])
        self.assertEqual(g.edges(), data["edges"])
        self.assertEqual(g.documents(), data["graph"]["documents"])
        self.assertEqual(kg.__version__, data["graph"]["generator"].split()[-1])

    def many_articles(self, copies=40):
        """A directory of 5 x copies articles (copies of the sample's: near-duplicates, cheap to build)."""
        corpus = self.tmp / f"many-{copies}"
        if not corpus.exists():
            corpus.mkdir()
            for copy in range(copies):
                for d in kg.sample():
                    (corpus / f"{copy}-{d['id']}.txt").write_text(d["text"], encoding="utf-8")
        return corpus

    def test_releases_the_gil(self):
        # While kg.build works on another thread, this thread keeps running: the longest pause between two
        # of its steps stays far below the build's duration (holding the GIL, it would span the build).
        corpus = self.many_articles()
        done = []
        worker = threading.Thread(target=lambda: done.append(kg.build([str(corpus)], threads=1)))
        start = time.perf_counter()
        worker.start()
        last, longest = time.perf_counter(), 0.0
        while worker.is_alive():
            now = time.perf_counter()
            longest, last = max(longest, now - last), now
            time.sleep(0.001)
        worker.join()
        duration = time.perf_counter() - start
        self.assertEqual(len(done[0].documents()), 200)
        # On a fast machine the build may take well under a second; the test only means something when the
        # build outlasts the scheduler's usual pauses, so it checks the pause against the build, with slack
        # for a loaded machine, and only when the build took long enough to tell.
        if duration > 0.1:
            self.assertLess(longest, max(duration / 2, 0.05), f"longest pause {longest:.3f}s of {duration:.3f}s")

    def test_ctrl_c_stops_a_build(self):
        # A build long enough that stopping early is told apart from finishing despite scheduling jitter
        # (a loaded machine delays a timer by tens of milliseconds): at least half a second.
        copies = 40
        while True:
            corpus = self.many_articles(copies)
            start = time.perf_counter()
            kg.build([str(corpus)], threads=1)
            whole = time.perf_counter() - start
            if whole >= 0.5 or copies >= 2560:
                break
            copies *= 4
        previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # ctest may start us with it ignored
        try:
            # The signal comes a quarter of the way in, and the build must stop before half of the rest.
            delay = whole / 4
            timer = threading.Timer(delay, _thread.interrupt_main)
            start = time.perf_counter()
            timer.start()
            with self.assertRaises(KeyboardInterrupt):
                kg.build([str(corpus)], threads=1)
            stopped = time.perf_counter() - start
            timer.join()
        finally:
            signal.signal(signal.SIGINT, previous)
        # It stopped soon after the signal, between two documents, not once the build was done.
        self.assertLess(stopped, delay + (whole - delay) / 2, f"stopped after {stopped:.3f}s of {whole:.3f}s")


class Read(Tools):
    def test_round_trips(self):
        g = kg.read(self.sample_json)
        g.write(self.tmp / "again.json", "json")
        self.assertEqual((self.tmp / "again.json").read_bytes(), self.sample_json.read_bytes())
        self.assertEqual(g.edges(), self.graph.edges())
        graphml = self.tmp / "s.graphml"
        self.graph.write(graphml)  # graphml is the default, as in kg-export
        kg.read(str(graphml)).write(self.tmp / "again.graphml")
        self.assertEqual((self.tmp / "again.graphml").read_bytes(), graphml.read_bytes())

    def test_networkx_file(self):
        import networkx
        from networkx.readwrite import json_graph

        nxg = networkx.MultiDiGraph()
        nxg.add_edge("a", "b", predicate="works_for", weight=2.0)
        f = self.tmp / "nx.json"
        try:
            data = json_graph.node_link_data(nxg, edges="edges")
        except TypeError:
            data = json_graph.node_link_data(nxg, link="edges")
        f.write_text(json.dumps(data))
        g = kg.read(f)
        self.assertEqual([(e["source"], e["predicate"], e["target"], e["weight"]) for e in g.edges()],
                         [("a", "works_for", "b", 2.0)])


class NetworkX(Tools):
    def test_equals_node_link_graph_of_the_json_export(self):
        ours = self.graph.to_networkx()
        theirs = node_link(json.loads(self.sample_json.read_text(encoding="utf-8")))
        self.assertEqual(type(ours), type(theirs))
        self.assertEqual(ours.graph, theirs.graph)
        self.assertEqual(list(ours.nodes(data=True)), list(theirs.nodes(data=True)))
        self.assertEqual(list(ours.edges(keys=True, data=True)), list(theirs.edges(keys=True, data=True)))
        self.assertGreater(ours.number_of_edges(), 0)


class Queries(Tools):
    def query(self, *args):
        code, out, err = run(KG_QUERY, "-q", "--graph", self.sample_json, *args, "--json")
        self.assertEqual(code, 0, err)
        return json.loads(out)

    def test_same_answers_as_kg_query(self):
        g = self.graph
        cases = [
            (g.path("Li Qiang", "Global South"), ["path", "Li Qiang", "Global South"]),
            (g.path("li-qiang", "Global South", weighted=True, directed=False),
             ["path", "li-qiang", "Global South", "--weighted"]),
            (g.path("Li Qiang", "Global South", via_types=["COUNTRY", "ORGANIZATION"]),
             ["path", "Li Qiang", "Global South", "--via-types", "COUNTRY,ORGANIZATION"]),
            (g.paths("Li Qiang", "Global South", 3), ["paths", "Li Qiang", "Global South", "--k", "3"]),
            (g.paths("Li Qiang", "Global South", all_shortest=True),
             ["paths", "Li Qiang", "Global South", "--all-shortest"]),
            (g.neighbors("China"), ["neighbors", "China"]),
            (g.neighbors("China", 2), ["neighbors", "China", "--depth", "2"]),
            (g.centrality(), ["centrality"]),
            (g.centrality("pagerank", 5, weighted=True), ["centrality", "--measure", "pagerank", "--top", "5", "--weighted"]),
            (g.centrality("betweenness", 0, types="PERSON,COMPANY"),
             ["centrality", "--measure", "betweenness", "--top", "0", "--types", "PERSON,COMPANY"]),
            (g.centrality("betweenness", sample=10, seed=3),
             ["centrality", "--measure", "betweenness", "--sample", "10", "--seed", "3"]),
            (g.centrality("eigenvector", threads=1), ["centrality", "--measure", "eigenvector", "--threads", "1"]),
            (g.components(0), ["components", "--top", "0"]),
            (g.communities(), ["communities"]),
            (g.stats(), ["stats"]),
        ]
        for ours, args in cases:
            self.assertEqual(ours, self.query(*args), args)
        self.assertEqual(cases[0][0]["from"], "Li Qiang")
        self.assertTrue(cases[0][0]["hops"])

    def test_denied_relations(self):
        # A relation the text only denies is no connection unless include_negated, as in kg-query.
        g = kg.build({"id": "d", "text": "Google did not attend the World AI Conference in Shanghai. "
                                         "Microsoft attended the World AI Conference in Shanghai."})
        saved = self.tmp / "denied.json"
        g.write(saved, "json")

        def query(*args):
            code, out, err = run(KG_QUERY, "-q", "--graph", saved, *args, "--json")
            self.assertEqual(code, 0, err)
            return json.loads(out)

        self.assertEqual(g.neighbors("Google")["neighbors"], [])
        denied = g.neighbors("Google", include_negated=True)
        self.assertEqual([n["label"] for n in denied["neighbors"]], ["World AI Conference"])
        self.assertEqual(denied, query("neighbors", "Google", "--include-negated"))
        self.assertEqual(g.path("Google", "Microsoft", include_negated=True),
                         query("path", "Google", "Microsoft", "--include-negated"))
        self.assertEqual(g.components(0, include_negated=True), query("components", "--top", "0", "--include-negated"))
        self.assertEqual(g.components(0), query("components", "--top", "0"))
        self.assertEqual(g.centrality(include_negated=True), query("centrality", "--include-negated"))
        self.assertEqual(g.communities(include_negated=True), query("communities", "--include-negated"))
        self.assertSameError([KG_QUERY, "--graph", saved, "path", "Google", "Microsoft"],
                             lambda: g.path("Google", "Microsoft"), 1)
        # Pictures leave the denied relation out unless show_negated, as kg-export --show-negated.
        drawn = []
        for flag in ([], ["--show-negated"]):
            ours, theirs = self.tmp / f"denied{len(flag)}.dot", self.tmp / f"denied{len(flag)}-tool.dot"
            g.write(ours, "dot", show_negated=bool(flag))
            code, _, err = run(KG_EXPORT, "-q", "--graph", saved, "--dot", *flag, "-o", theirs)
            self.assertEqual(code, 0, err)
            self.assertEqual(ours.read_bytes(), theirs.read_bytes(), flag)
            drawn.append(ours.read_text(encoding="utf-8"))
        self.assertNotIn('"google" -> "world-ai-conference"', drawn[0])
        self.assertIn('"google" -> "world-ai-conference"', drawn[1])


class Errors(Tools):
    def test_unknown_and_ambiguous_names(self):
        self.assertSameError([KG_QUERY, "--graph", self.sample_json, "path", "Li Qiamg", "China"],
                             lambda: self.graph.path("Li Qiamg", "China"), 1)
        self.assertSameError([KG_QUERY, "--graph", self.sample_json, "neighbors", "Nobody Atall"],
                             lambda: self.graph.neighbors("Nobody Atall"), 1)
        two = self.tmp / "two-apples.json"
        two.write_text(json.dumps({"directed": True, "multigraph": True, "graph": {},
                                   "nodes": [{"id": "apple", "label": "Apple", "type": "COMPANY"},
                                             {"id": "apple-2", "label": "Apple", "type": "PRODUCT"}],
                                   "edges": []}), encoding="utf-8")
        e = self.assertSameError([KG_QUERY, "--graph", two, "neighbors", "APPLE"],
                                 lambda: kg.read(two).neighbors("APPLE"), 1)
        self.assertIn("ambiguous", str(e))

    def test_no_path(self):
        groups = self.graph.components(0)["groups"]
        self.assertGreater(len(groups), 1)
        a, b = groups[0]["members"][0]["id"], groups[-1]["members"][0]["id"]
        self.assertSameError([KG_QUERY, "--graph", self.sample_json, "path", a, b], lambda: self.graph.path(a, b), 1)

    def test_usage(self):
        g, q = self.graph, [KG_QUERY, "--graph", self.sample_json]
        self.assertSameError(q + ["centrality", "--measure", "fame"], lambda: g.centrality("fame"), 2)
        self.assertSameError(q + ["centrality", "--types", "PERSON,ROBOT"], lambda: g.centrality(types=["PERSON", "ROBOT"]), 2)
        self.assertSameError(q + ["neighbors", "China", "--predicates", "leeder_of"],
                             lambda: g.neighbors("China", predicates=["leeder_of"]), 2)
        self.assertSameError([KG_EXPORT, "--input-format", "xml", "-o", self.tmp / "never.json", SEEDS],
                             lambda: kg.build([str(SEEDS)], input_format="xml"), 2)
        for call in (lambda: g.centrality("pagerank", sample=5), lambda: g.paths("China", "Shanghai", 0),
                     lambda: g.centrality(top=-1), lambda: g.write(self.tmp / "x", "pdf"), lambda: kg.build([], threads=-1),
                     lambda: g.write(self.tmp / "x", "json", show_negated=True)):
            with self.assertRaises(kg.Error) as caught:
                call()
            self.assertEqual(caught.exception.exit_code, 2)

    def test_bad_inputs(self):
        empty = self.tmp / "empty"
        empty.mkdir(exist_ok=True)
        missing = self.tmp / "missing.txt"
        broken = self.tmp / "broken.jsonl"
        broken.write_text('{"id": "a", "text": "Li Qiang visited Paris."}\n{"id": "b", "text": \n', encoding="utf-8")
        latin1 = self.tmp / "latin1.txt"
        latin1.write_bytes("Caf\u00e9 owners met in Paris.".encode("latin-1"))
        repeated = self.tmp / "repeated.jsonl"
        repeated.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n', encoding="utf-8")
        out = self.tmp / "never.json"
        for path in (empty, missing, broken, latin1, repeated):
            self.assertSameError([KG_EXPORT, "-o", out, path], lambda: kg.build([path]), 3)
        self.assertFalse(out.exists())
        bad_json = self.tmp / "bad.json"
        bad_json.write_text('{"nodes": [{"id": "a"}], "edges": [', encoding="utf-8")
        self.assertSameError([KG_QUERY, "--graph", bad_json, "stats"], lambda: kg.read(bad_json), 3)

    def test_bad_dicts(self):
        cases = [({"text": "x"}, 'docs[0]: no "id" string'), ({"id": "", "text": "x"}, 'docs[0]: empty "id"'),
                 ({"id": "a"}, 'docs[0]: no "text" string'), ({"id": "a", "text": 3}, 'docs[0]: "text" is not a string'),
                 ({"id": "a", "text": "x", "date": "July 4"}, "docs[0]: \"date\" 'July 4' is not ISO 8601 (YYYY-MM-DD)"),
                 ({"id": "a", "text": "\udc80"}, 'docs[0]: "text" is not valid UTF-8')]
        for doc, message in cases:
            with self.assertRaises(kg.Error) as caught:
                kg.build([doc])
            self.assertEqual((caught.exception.exit_code, str(caught.exception)), (3, message))
        with self.assertRaises(TypeError):
            kg.build([42])
        with self.assertRaises(kg.Error) as caught:
            kg.build([{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}])
        self.assertEqual(caught.exception.exit_code, 3)
        self.assertIn("'a'", str(caught.exception))

    def test_skip_bad_warns(self):
        docs = [{"id": "good", "text": "Li Qiang visited Paris."}, {"id": "bad"}, {"id": "good", "text": "Again."}]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            g = kg.build(docs, skip_bad=True)
        self.assertEqual([d["id"] for d in g.documents()], ["good"])
        messages = [str(w.message) for w in caught if issubclass(w.category, kg.KGWarning)]
        self.assertEqual(messages[0], 'skipped: docs[1]: no "text" string')
        self.assertEqual(len(messages), 3, messages)  # the bad dict, the repeated id, the count
        self.assertEqual(messages[-1], "2 bad inputs skipped")

    def test_write_errors(self):
        target = self.tmp / "no-such-dir" / "g.json"
        self.assertSameError([KG_EXPORT, "-q", "--json", "-o", target], lambda: self.graph.write(target, "json"), 4)
        self.assertFalse(target.exists())

    def test_error_class(self):
        self.assertTrue(issubclass(kg.Error, Exception))
        self.assertTrue(issubclass(kg.KGWarning, UserWarning))
        import pickle

        e = pickle.loads(pickle.dumps(kg.Error("x: bad", 3)))
        self.assertEqual((str(e), e.exit_code), ("x: bad", 3))


def without_dashes(message):
    """A tool's message as the module words it: options named as keyword arguments ("--since" -> "since")."""
    return message.replace("--", "")


class Views(Tools):
    """Graph.view() against kg-export --graph FILE --json with the same view options."""

    def tool_view(self, *args):
        out = self.tmp / "view-tool.json"
        code, _, err = run(KG_EXPORT, "-q", "--graph", self.sample_json, "--json", *args, "-o", out)
        self.assertEqual(code, 0, err)
        return out.read_bytes()

    def test_same_as_kg_export(self):
        g = self.graph
        # The two most frequent predicates of the sample (ties by name).
        counts = {}
        for e in g.edges():
            counts[e["predicate"]] = counts.get(e["predicate"], 0) + 1
        predicates = sorted(counts, key=lambda p: (-counts[p], p))[:2]
        self.assertEqual(len(predicates), 2, counts)
        heavy = max(e["weight"] for e in g.edges())
        self.assertGreater(heavy, 1)  # so that min_weight=2 keeps some relations and drops others
        cases = [
            ({"types": ["PERSON", "COUNTRY"]}, ["--types", "PERSON,COUNTRY"]),
            ({"types": "person, country"}, ["--types", "person, country"]),
            ({"predicates": predicates}, ["--predicates", ",".join(predicates)]),
            ({"min_weight": 2}, ["--min-weight", "2"]),
            ({"ego": "Li Qiang"}, ["--ego", "Li Qiang"]),
            ({"ego": "China", "depth": 2}, ["--ego", "China", "--depth", "2"]),
            ({"ego": "China", "depth": 0}, ["--ego", "China", "--depth", "0"]),
            ({"top": 5}, ["--top", "5"]),
            ({"types": "PERSON,COUNTRY,ORGANIZATION", "min_weight": 1.5, "ego": "China", "depth": 3, "top": 4},
             ["--types", "PERSON,COUNTRY,ORGANIZATION", "--min-weight", "1.5", "--ego", "China", "--depth", "3",
              "--top", "4"]),
        ]
        whole = (len(g), g.num_relations)
        for kwargs, args in cases:
            v = g.view(**kwargs)
            ours = self.tmp / "view.json"
            v.write(ours, "json")
            self.assertEqual(ours.read_bytes(), self.tool_view(*args), args)
            # Every case keeps something and leaves something out, so the comparison is not of two copies.
            self.assertTrue(0 < len(v) < whole[0], (args, len(v)))
            self.assertEqual(len(v.documents()), 5)
            self.assertNotIn("extraction", json.loads(ours.read_text(encoding="utf-8")))
        self.assertEqual([n["id"] for n in g.view(top=5).nodes()],
                         [n["id"] for n in json.loads(self.tool_view("--top", "5"))["nodes"]])
        # No option: the whole graph, saved with its extraction section as kg-export saves it.
        g.view().write(self.tmp / "whole.json", "json")
        self.assertEqual((self.tmp / "whole.json").read_bytes(), self.sample_json.read_bytes())

    def test_errors(self):
        g, never = self.graph, self.tmp / "never.json"
        tool = [KG_EXPORT, "-q", "--graph", self.sample_json, "--json", "-o", never]
        self.assertSameError(tool + ["--types", "PERSON,ROBOT"], lambda: g.view(types=["PERSON", "ROBOT"]), 2)
        e = self.assertSameError(tool + ["--predicates", "leeder_of"], lambda: g.view(predicates="leeder_of"), 2)
        self.assertIn("did you mean leader_of", str(e))
        self.assertSameError(tool + ["--ego", "Li Qiamg"], lambda: g.view(ego="Li Qiamg"), 1)
        # Messages that name an option name the keyword argument instead.
        for args, call in ((["--depth", "2"], lambda: g.view(depth=2)),
                           (["--ego", "China", "--depth", "-1"], lambda: g.view(ego="China", depth=-1)),
                           (["--top", "0"], lambda: g.view(top=0)),
                           (["--types", ""], lambda: g.view(types=[])),
                           (["--predicates", " , "], lambda: g.view(predicates=" , "))):
            code, _, err = run(*tool, *args)
            self.assertEqual(code, 2, err)
            with self.assertRaises(kg.Error) as caught:
                call()
            self.assertEqual((caught.exception.exit_code, str(caught.exception)),
                             (2, without_dashes(tool_message(KG_EXPORT, err))), args)
        self.assertFalse(never.exists())
        with self.assertRaises(TypeError):
            g.view(types=[3])


def dated_corpus(directory):
    """The sample's articles as JSONL, dated 2024-07-01 to 2024-07-05, and one undated copy of the first."""
    corpus = directory / "dated.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i, d in enumerate(kg.sample()):
            f.write(json.dumps({"id": d["id"], "text": d["text"], "date": f"2024-07-{i + 1:02d}"}) + "\n")
        f.write(json.dumps({"id": "undated", "text": kg.sample()[1]["text"] + " Li Qiang visited Paris."}) + "\n")
    return corpus


class Dates(Tools):
    """kg.build(since=, until=) against kg-export --since, --until on the same dated input."""

    def test_same_as_kg_export(self):
        import datetime

        corpus = dated_corpus(self.tmp)
        cases = [({"since": "2024-07-02", "until": "2024-07-04"}, ["--since", "2024-07-02", "--until", "2024-07-04"]),
                 ({"since": datetime.date(2024, 7, 2), "until": datetime.date(2024, 7, 4)},
                  ["--since", "2024-07-02", "--until", "2024-07-04"]),
                 ({"since": "2024-07-03"}, ["--since", "2024-07-03"]),
                 ({"until": "2024-07"}, ["--until", "2024-07"]),
                 ({"since": datetime.datetime(2024, 7, 5, 0, 0)}, ["--since", "2024-07-05T00:00:00"])]
        for kwargs, args in cases:
            theirs = self.tmp / "dates-tool.json"
            code, _, err = run(KG_EXPORT, "-q", "--json", *args, "-o", theirs, corpus)
            self.assertEqual(code, 0, err)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                g = kg.build([corpus], **kwargs)
            g.write(self.tmp / "dates.json", "json")
            self.assertEqual((self.tmp / "dates.json").read_bytes(), theirs.read_bytes(), args)
            # The undated document goes: the tool's warning, with the options as keyword arguments.
            tool_warning = [line for line in err.splitlines() if line.startswith("kg-export: warning: ")]
            self.assertEqual([without_dashes(w[len("kg-export: warning: "):]) for w in tool_warning],
                             [str(w.message) for w in caught if issubclass(w.category, kg.KGWarning)])
            self.assertIn("1 has no date", str(caught[-1].message))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", kg.KGWarning)  # the undated document: checked above
            kept = kg.build([corpus], since="2024-07-02", until="2024-07-04").documents()
        self.assertEqual([d["date"] for d in kept], ["2024-07-02", "2024-07-03", "2024-07-04"])
        self.assertEqual(len(kg.build([corpus]).documents()), 6)

    def test_errors(self):
        corpus = dated_corpus(self.tmp)
        never = self.tmp / "never.json"
        for kwargs, args in (({"since": "2024-13-01"}, ["--since", "2024-13-01"]),
                             ({"until": "July 2024"}, ["--until", "July 2024"])):
            code, _, err = run(KG_EXPORT, "-q", "--json", *args, "-o", never, corpus)
            self.assertEqual(code, 2, err)
            with self.assertRaises(kg.Error) as caught:
                kg.build([corpus], **kwargs)
            self.assertEqual((caught.exception.exit_code, str(caught.exception)),
                             (2, without_dashes(tool_message(KG_EXPORT, err))))
        self.assertFalse(never.exists())
        with self.assertRaises(TypeError):
            kg.build([corpus], since=20240701)
        # A date view is part of the graph: no extraction section, so nothing can be added to it.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", kg.KGWarning)
            part = kg.build([corpus], since="2024-07-02")
        with self.assertRaises(kg.Error) as caught:
            part.add(kg.sample()[:1])
        self.assertEqual(caught.exception.exit_code, 3)
        self.assertTrue(str(caught.exception).startswith("a graph built with since/until: cannot add documents"),
                        str(caught.exception))


OVERLAY_SCRIPT = """
import json, os, sys, kg
text_file, overlay, out = sys.argv[1:4]
kg.build([text_file], data=overlay).write(out, "json")
# The same directory spelled otherwise is the same lexicons; other lexicons cannot load in this process.
os.chdir(os.path.dirname(overlay))
assert len(kg.build([text_file], data=os.path.basename(overlay))) > 0
names = [e["name"] for e in kg.extract("Acme Corp. hired Quorvan.", data=overlay)["entities"]]
assert "Quorvan Tess" in names, names
try:
    kg.build([text_file])
except kg.Error as e:
    print(e.exit_code, e)
"""


class Data(Tools):
    """kg.build(data=DIR) against kg-export --data DIR."""

    def overlay(self):
        # As tests/cli_test.sh's analyst overrides: an extra name, a name never extracted, a merge.
        over = self.tmp / "over"
        over.mkdir(exist_ok=True)
        (over / "gazetteer.tsv").write_text("Quorvan\tPERSON\tQuorvan Tess\t\t\n", encoding="utf-8")
        (over / "not_entities.txt").write_text("Globex Inc\n", encoding="utf-8")
        (over / "merges.tsv").write_text("Acme\tAcme Corporation\n", encoding="utf-8")
        text = self.tmp / "over.txt"
        text.write_text("Acme Corp. hired Quorvan. Globex Inc. said nothing.\n", encoding="utf-8")
        return over, text

    def test_same_as_kg_export(self):
        # Lexicons load once per process, and this one has loaded the built-in ones: a new interpreter.
        over, text = self.overlay()
        ours, theirs = self.tmp / "over-py.json", self.tmp / "over-tool.json"
        p = subprocess.run([sys.executable, "-c", OVERLAY_SCRIPT, str(text), str(over), str(ours)],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        code, _, err = run(KG_EXPORT, "-q", "--data", over, "--json", "-o", theirs, text)
        self.assertEqual(code, 0, err)
        self.assertEqual(ours.read_bytes(), theirs.read_bytes())
        labels = {n["label"] for n in kg.read(ours).nodes()}
        self.assertIn("Quorvan Tess", labels)
        self.assertIn("Acme Corporation", labels)
        self.assertFalse(any(label.startswith("Globex") for label in labels), labels)
        # Without data, the same text gives another graph (so the comparison above tests the overlay).
        self.assertNotIn("Quorvan Tess", {n["label"] for n in kg.build([text]).nodes()})
        # The later build without data was refused, naming the lexicons loaded.
        self.assertTrue(p.stdout.startswith(f"2 data None: this process already loaded its lexicons from '{over}'"),
                        p.stdout)

    def test_errors(self):
        over, text = self.overlay()
        never = self.tmp / "never.json"
        for bad in (self.tmp / "no" / "such" / "dir", text):
            code, _, err = run(KG_EXPORT, "-q", "--data", bad, "--json", "-o", never, text)
            self.assertEqual(code, 2, err)
            for call in (lambda: kg.build([text], data=bad), lambda: kg.extract("Li Qiang.", data=str(bad))):
                with self.assertRaises(kg.Error) as caught:
                    call()
                self.assertEqual((caught.exception.exit_code, str(caught.exception)),
                                 (2, without_dashes(tool_message(KG_EXPORT, err))))
        self.assertFalse(never.exists())
        # This process extracted with the built-in lexicons: others are refused, not silently ignored.
        with self.assertRaises(kg.Error) as caught:
            kg.build([text], data=over)
        self.assertEqual(caught.exception.exit_code, 2)
        self.assertIn("already loaded its lexicons from the built-in files", str(caught.exception))


class Add(Tools):
    """Graph.add() against one run over all documents and against kg-export --graph FILE INPUT..."""

    def test_equals_one_run(self):
        docs = kg.sample()
        whole = self.tmp / "whole.json"
        self.graph.write(whole, "json")
        for split in (1, 3):
            for threads in (1, 0):
                g = kg.build(docs[:split]).add(docs[split:], threads=threads)
                g.write(self.tmp / "added.json", "json")
                self.assertEqual((self.tmp / "added.json").read_bytes(), whole.read_bytes(), (split, threads))
        # New documents that sort before the old ones, and a near-copy of an old one under a new id.
        copy = {"id": "zz-copy", "text": docs[0]["text"], "source": "copy"}
        one_run = kg.build(docs + [copy])
        added = kg.build(docs[2:]).add(docs[:2] + [copy])
        self.assertEqual(added.edges(), one_run.edges())
        self.assertEqual(added.nodes(), one_run.nodes())
        self.assertEqual(added.documents(), one_run.documents())
        self.assertEqual(added.documents()[-1]["duplicate_of"], docs[0]["id"])
        # keep_duplicates applies to the whole result, as in one run.
        self.assertEqual(kg.build(docs[2:]).add(docs[:2] + [copy], keep_duplicates=True).edges(),
                         kg.build(docs + [copy], keep_duplicates=True).edges())
        # since/until apply to the merged graph (the sample's articles have no date: nothing is kept).
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            self.assertEqual(len(kg.build(docs[:2]).add(docs[2:], since="2024").documents()), 0)
        self.assertEqual(str(caught[-1].message), "since 2024 kept 0 of 5 documents; 5 have no date")

    def test_same_as_kg_export(self):
        seeds = sorted(SEEDS.glob("*.txt"))
        old_dir, new_dir = self.tmp / "old", self.tmp / "new"
        for d, files in ((old_dir, seeds[:3]), (new_dir, seeds[3:])):
            d.mkdir(exist_ok=True)
            for f in files:
                shutil.copy(f, d / f.name)
        old = self.tmp / "old.json"
        code, _, err = run(KG_EXPORT, "-q", "--json", "-o", old, old_dir)
        self.assertEqual(code, 0, err)
        theirs = self.tmp / "old+new-tool.json"
        code, _, err = run(KG_EXPORT, "-q", "--graph", old, "--json", "-o", theirs, new_dir)
        self.assertEqual(code, 0, err)
        g = kg.read(old).add([new_dir])
        g.write(self.tmp / "old+new.json", "json")
        self.assertEqual((self.tmp / "old+new.json").read_bytes(), theirs.read_bytes())
        # ... which is the graph of one run over both directories.
        self.assertEqual(g.edges(), kg.build([old_dir, new_dir]).edges())
        self.assertEqual(len(g.documents()), 5)
        # Adding again what the graph has: a repeated id, as kg-export says it.
        self.assertSameError([KG_EXPORT, "-q", "--graph", old, "--json", "-o", self.tmp / "never.json", old_dir],
                             lambda: kg.read(old).add([old_dir]), 3)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            same = kg.read(old).add([old_dir, new_dir], skip_bad=True)
        self.assertEqual(same.edges(), g.edges())
        self.assertEqual(str(caught[-1].message), "3 bad inputs skipped")

    def test_needs_the_extraction_section(self):
        never = self.tmp / "never.json"
        for name, write in (("plain.json", lambda p: self.graph.write(p, "json", extraction=False)),
                            ("plain.graphml", lambda p: self.graph.write(p, "graphml"))):
            saved = self.tmp / name
            write(saved)
            e = self.assertSameError([KG_EXPORT, "-q", "--graph", saved, "--json", "-o", never, SEEDS],
                                     lambda: kg.read(saved).add([str(SEEDS)]), 3)
            self.assertIn('no "extraction" section', str(e))
        self.assertFalse(never.exists())
        with self.assertRaises(kg.Error) as caught:
            self.graph.view(top=3).add(kg.sample())
        self.assertEqual(caught.exception.exit_code, 3)
        self.assertTrue(str(caught.exception).startswith("a view (Graph.view()): cannot add documents"))
        # A graph another libkg extracted: the tool's warning.
        data = json.loads(self.sample_json.read_text(encoding="utf-8"))
        data["graph"]["generator"] = "libkg 0.0.1"
        older = self.tmp / "older.json"
        older.write_text(json.dumps(data), encoding="utf-8")
        new = self.tmp / "new-doc.txt"
        new.write_text("Li Qiang visited Paris.", encoding="utf-8")
        code, _, err = run(KG_EXPORT, "-q", "--graph", older, "--json", "-o", self.tmp / "older+new.json", new)
        self.assertEqual(code, 0, err)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            kg.read(older).add(new)
        self.assertEqual([str(w.message) for w in caught], [err.rstrip("\n")[len("kg-export: warning: "):]])
        self.assertIn("libkg 0.0.1", str(caught[0].message))

if __name__ == "__main__":
    unittest.main()
