"""Loaders for the truth-discovery benchmarks in ../shared/data/truth (see each dataset's README).

Each loader returns a `Benchmark`: the claims as an Arrow table (source, object, attribute, value,
number), a function that builds the `support` matrix for the encoded candidates, and a scorer that
compares the chosen value of every gold item with the gold answer the way the dataset's paper
does. Normalisation of raw values (flight times in a dozen formats, gates, author lists) is done
here, in DuckDB SQL, not in the library.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
from scipy import sparse

from veracity.resolve import similarity
from veracity.resolve.encode import EncodedClaims

DATA = Path(
    os.environ.get(
        "VERACITY_TRUTH_DATA",
        Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "truth",
    )
)

FLIGHT_TIMES = ("sched_dep", "actual_dep", "sched_arr", "actual_arr")
FLIGHT_ATTRIBUTES = ("sched_dep", "actual_dep", "dep_gate", "sched_arr", "actual_arr", "arr_gate")
FLIGHT_TOLERANCE_MINUTES = 10.0


@dataclass
class Score:
    accuracy: float
    correct: int
    scored: int
    groups: dict[str, float] = field(default_factory=dict)  # e.g. per-day accuracy


@dataclass
class Benchmark:
    name: str
    claims: pa.Table
    build_support: Callable[[EncodedClaims], sparse.csr_matrix | None]
    score: Callable[[pa.Table], Score]  # chosen (object, attribute, value) -> accuracy
    published: dict[str, float]
    note: str
    specificity: Callable[[EncodedClaims], np.ndarray | None] = lambda enc: None
    # `ClaimTable.generalizes`: which values are less specific forms of which (None: no such
    # relation in the dataset)
    generalizes: Callable[[EncodedClaims], sparse.csr_matrix | None] = lambda enc: None


# --------------------------------------------------------------------------------------- flight


# time of day in minutes from a raw string: the first h:mm, with am/pm/noon/midnight when given
def _minutes_expr(column: str) -> str:
    parts = f"regexp_extract(lower({column}), '(\\d{{1,2}}):(\\d{{2}})\\s*(a|p|noon|midnight)?', ['h', 'm', 'ap'])"
    return f"""(
      CASE WHEN regexp_matches({column}, '\\d{{1,2}}:\\d{{2}}') THEN
        (CASE
           WHEN {parts}.ap = 'noon' THEN 12
           WHEN {parts}.ap = 'midnight' THEN 0
           WHEN {parts}.ap = 'p' THEN ({parts}.h::INT % 12) + 12
           WHEN {parts}.ap = 'a' THEN {parts}.h::INT % 12
           ELSE {parts}.h::INT % 24
         END) * 60 + {parts}.m::INT
      END)"""


def _gate_expr(column: str) -> str:
    """A gate from each source's format, the same way for the claims and the gold:
    - "Terminal 2 - 45", "Term C - C12": the gate is the part after the dash (a bare terminal
      such as "Terminal B" is no gate);
    - "C20/C", "H10/T3" (travelocity, mytripandmore): the part after the slash is the terminal;
    - "C-40" is gate C40; a trailing "?" (mco's unconfirmed gates) is dropped;
    - words without a digit ("TBA", "HOLD", "CHK", "Not provided by airline") are no gate.
    """
    after_dash = f"trim(regexp_replace({column}, '^.* - ', ''))"
    before_slash = f"split_part({after_dash}, '/', 1)"
    no_gate_word = f"regexp_replace({before_slash}, '(?i)^gate\\s*', '')"
    joined = f"regexp_replace({no_gate_word}, '^([A-Za-z]+)-(\\d)', '\\1\\2')"
    cleaned = f"upper(regexp_replace({joined}, '[\\s?]+', '', 'g'))"
    return f"""(CASE
        WHEN {column} IS NULL OR trim({column}) IN ('', '-', '--') THEN NULL
        WHEN regexp_matches(lower(trim({column})), '^term(inal)?\\b') AND NOT contains({column}, ' - ') THEN NULL
        WHEN NOT regexp_matches({cleaned}, '[0-9]') THEN NULL
        ELSE nullif({cleaned}, '')
      END)"""


def _flight_sql(days: list[str]) -> tuple[str, str]:
    files = [str(DATA / "flight" / "clean_flight" / f"{d}-data.txt") for d in days]
    truth_files = [str(DATA / "flight" / "flight_truth" / f"{d}-truth.txt") for d in days]
    cols = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(8))
    read = (
        "read_csv({files}, delim='\\t', header=false, quote='', escape='', encoding='latin-1', "
        "null_padding=true, ignore_errors=true, filename=true, strict_mode=false, columns={{{cols}}})"
    )
    data = read.format(files=files, cols=cols)
    tcols = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(7))
    truth = read.format(files=truth_files, cols=tcols)
    day = "regexp_extract(filename, '(\\d{4}-\\d{2}-\\d{2})', 1)"
    claims_sql = f"""
      WITH raw AS (
        SELECT trim(c0) AS source, {day} || '|' || trim(c1) AS object,
               c2 AS sched_dep, c3 AS actual_dep, c4 AS dep_gate,
               c5 AS sched_arr, c6 AS actual_arr, c7 AS arr_gate
        FROM {data}
      ),
      long AS (
        UNPIVOT raw ON sched_dep, actual_dep, dep_gate, sched_arr, actual_arr, arr_gate
        INTO NAME attribute VALUE raw_value
      ),
      norm AS (
        SELECT source, object, attribute,
          CASE WHEN attribute LIKE '%gate' THEN NULL ELSE {_minutes_expr("raw_value")} END AS minutes,
          CASE WHEN attribute LIKE '%gate' THEN {_gate_expr("raw_value")} END AS gate,
          trim(raw_value) AS raw
        FROM long
      )
      SELECT source, object, attribute,
             coalesce(gate, lpad((minutes // 60)::VARCHAR, 2, '0') || ':' || lpad((minutes % 60)::VARCHAR, 2, '0')) AS value,
             minutes::DOUBLE AS number, raw
      FROM norm WHERE gate IS NOT NULL OR minutes IS NOT NULL
    """
    gold_sql = f"""
      WITH raw AS (
        SELECT {day} || '|' || trim(c0) AS object,
               c1 AS sched_dep, c2 AS actual_dep, c3 AS dep_gate,
               c4 AS sched_arr, c5 AS actual_arr, c6 AS arr_gate
        FROM {truth}
      ),
      long AS (
        UNPIVOT raw ON sched_dep, actual_dep, dep_gate, sched_arr, actual_arr, arr_gate
        INTO NAME attribute VALUE raw_value
      )
      SELECT DISTINCT object, attribute,
        CASE WHEN attribute LIKE '%gate' THEN {_gate_expr("raw_value")} END AS gate,
        CASE WHEN attribute LIKE '%gate' THEN NULL ELSE {_minutes_expr("raw_value")} END::DOUBLE AS minutes
      FROM long
    """
    return claims_sql, gold_sql


def flight_days() -> list[str]:
    return sorted(p.name[:10] for p in (DATA / "flight" / "clean_flight").glob("*-data.txt"))


def gate_refinements(enc: EncodedClaims) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (vague, precise) of gate candidates of one item: "37" and "A37"."""
    gate_item = np.char.endswith(enc.item_attribute.astype(str), "gate")
    gates = np.flatnonzero(gate_item[enc.table.candidate_item])
    vague, precise = similarity.code_refinements(
        enc.table.candidate_item[gates], enc.candidate_value[gates].tolist()
    )
    return gates[vague], gates[precise]


def gate_generalizes(enc: EncodedClaims) -> sparse.csr_matrix:
    """`ClaimTable.generalizes` for flights: a gate without its concourse letter ("37") is a less
    specific form of the full gate ("A37")."""
    vague, precise = gate_refinements(enc)
    return similarity.generalization(enc.table.n_candidates, vague, precise)


def gate_specificity(enc: EncodedClaims) -> np.ndarray:
    """Of two compatible gates, the one that says more ("A37" over "37") wins a tie."""
    _, precise = gate_refinements(enc)
    out = np.zeros(enc.table.n_candidates)
    out[precise] = 1.0
    return out


def load_flight(days: list[str], name: str, published: dict[str, float]) -> Benchmark:
    con = duckdb.connect()
    claims_sql, gold_sql = _flight_sql(days)
    claims = con.sql(claims_sql).to_arrow_table()
    gold = con.sql(gold_sql).to_arrow_table()

    def build_support(enc: EncodedClaims) -> sparse.csr_matrix:
        # times a few minutes apart are the same event read at different moments: full support
        # within 10 minutes (the papers' tolerance), none beyond; a gate given without its
        # concourse letter ("37") is compatible with the full gate ("A37")
        number = enc.table.candidate_number
        assert number is not None
        times = similarity.interval_support(
            enc.table.candidate_item, number, tolerance=FLIGHT_TOLERANCE_MINUTES, scale=None
        )
        vague, precise = gate_refinements(enc)
        gates = similarity.from_pairs(
            enc.table.n_candidates,
            np.concatenate([vague, precise]),
            np.concatenate([precise, vague]),
            np.ones(2 * vague.shape[0]),
        )
        return similarity.combine(times, gates)

    def score(chosen: pa.Table) -> Score:
        return _score_flight(chosen, gold)

    note = (
        "items = (day, flight, attribute) for the 6 attributes; gold items with a value ('--' = none)"
        " and at least one claim; times correct within 10 minutes (circular), gates exact after"
        " normalisation; all days resolved in one run, accuracy = mean of the per-day accuracies"
    )
    return Benchmark(
        name,
        claims,
        build_support,
        score,
        published,
        note,
        specificity=gate_specificity,
        generalizes=gate_generalizes,
    )


def _score_flight(chosen: pa.Table, gold: pa.Table) -> Score:
    """Mean over days of the share of gold items chosen right, each item scored once.

    On most days the airline's page lists two flights (UA-248-PHX-ORD, UA-382-IAD-LAX) twice,
    with different times or gates: such an item has no single gold value and is not scored (89
    items over the 31 days, as gold gates `TBA` are not). `groups["rows"]` keeps the earlier
    reading, every gold row scored as an item of its own (at most one of two conflicting rows can
    be matched)."""
    con = duckdb.connect()
    con.register("chosen", chosen)
    con.register("gold", gold)
    con.execute(
        """
        CREATE TEMP TABLE judged AS
        SELECT g.object, g.attribute, split_part(g.object, '|', 1) AS day,
               coalesce(CASE
                 WHEN g.gate IS NOT NULL THEN c.value = g.gate
                 ELSE least(abs(c.minutes - g.minutes), 1440 - abs(c.minutes - g.minutes)) <= ?
               END, false) AS ok
        FROM gold g JOIN (
          SELECT object, attribute, value,
                 TRY_CAST(split_part(value, ':', 1) AS INT) * 60
                 + TRY_CAST(split_part(value, ':', 2) AS INT) AS minutes
          FROM chosen
        ) c USING (object, attribute)
        WHERE g.gate IS NOT NULL OR g.minutes IS NOT NULL
        """,
        [FLIGHT_TOLERANCE_MINUTES],
    )
    # one row per item with a single gold value (gold rows are distinct values)
    rows = con.execute(
        """
        SELECT day, count(*) AS scored, count(*) FILTER (WHERE ok) AS correct
        FROM (SELECT day, object, attribute, bool_or(ok) AS ok FROM judged
              GROUP BY ALL HAVING count(*) = 1)
        GROUP BY day ORDER BY day
        """
    ).fetchall()
    by_row = con.execute(
        "SELECT day, avg(ok::INT) FROM judged GROUP BY day ORDER BY day"
    ).fetchall()
    per_day: dict[str, float] = {day: correct / scored for day, scored, correct in rows}
    correct = sum(r[2] for r in rows)
    scored = sum(r[1] for r in rows)
    groups = dict(per_day)
    groups["rows"] = float(np.mean([a for _, a in by_row]))
    return Score(float(np.mean(list(per_day.values()))), correct, scored, groups)


# ----------------------------------------------------------------------------------------- book

# author strings -> sorted distinct name tokens, with role words, HTML entities and accents removed
_AUTHOR_STOPWORDS = (
    "['by','author','authors','joint','with','editor','editors','edited','ed','eds','and','the',"
    "'foreword','introduction','translator','illustrator','contributor','et','al','jr','sr','phd',"
    "'dr','prof','mr','ms','amp']"
)


def _author_tokens_expr(column: str) -> str:
    unescaped = (
        f"regexp_replace(regexp_replace({column}, '&([a-zA-Z])(acute|grave|uml|circ|tilde|cedil|ring);', '\\1', 'g'),"
        " '&[a-z]+;', ' ', 'g')"
    )
    lowered = f"lower(strip_accents({unescaped}))"
    no_roles = f"regexp_replace({lowered}, '\\([^)]*\\)', ' ', 'g')"
    tokens = f"regexp_split_to_array({no_roles}, '[^a-z]+')"
    return (
        f"list_sort(list_distinct(list_filter({tokens}, lambda t: t <> '' "
        f"AND NOT list_contains({_AUTHOR_STOPWORDS}, t))))"
    )


def load_book() -> Benchmark:
    con = duckdb.connect()
    path = DATA / "book_abebooks" / "book.txt"
    gold_path = DATA / "book_abebooks" / "book_golden.txt"
    read = (
        "read_csv('{p}', delim='\\t', header=false, quote='', escape='', encoding='latin-1', "
        "null_padding=true, ignore_errors=true, strict_mode=false, columns={c})"
    )
    claims = con.execute(
        f"""
        WITH raw AS (
          SELECT trim(c0) AS source, trim(c1) AS object, trim(replace(c3, chr(13), '')) AS authors
          FROM {read.format(p=path, c="{'c0':'VARCHAR','c1':'VARCHAR','c2':'VARCHAR','c3':'VARCHAR'}")}
        ),
        tok AS (
          SELECT source, object, {_author_tokens_expr("authors")} AS tokens, authors FROM raw
          WHERE authors IS NOT NULL AND lower(authors) NOT LIKE '%not available%'
        )
        SELECT DISTINCT source, object, 'authors' AS attribute, array_to_string(tokens, ' ') AS value,
               NULL::DOUBLE AS number, authors AS raw
        FROM tok WHERE len(tokens) > 0
        """
    ).to_arrow_table()
    gold = con.execute(
        f"""
        WITH raw AS (
          SELECT trim(c0) AS object, unnest(string_split(c1, ';')) AS person
          FROM {read.format(p=gold_path, c="{'c0':'VARCHAR','c1':'VARCHAR'}")}
        ),
        people AS (
          SELECT object, trim(lower(strip_accents(split_part(person, ',', 1)))) AS last,
                 regexp_split_to_array(lower(strip_accents(split_part(person, ',', 2))), '[^a-z]+') AS firsts
          FROM raw WHERE trim(person) <> ''
        )
        SELECT object,
               list_distinct(flatten(list(regexp_split_to_array(last, '[^a-z]+')))) AS last_tokens,
               list_distinct(flatten(list(list_concat(regexp_split_to_array(last, '[^a-z]+'), firsts,
                   list_transform(firsts, lambda f: left(f, 1)))))) AS allowed,
               list({{'last': list_filter(regexp_split_to_array(last, '[^a-z]+'), lambda t: t <> ''),
                      'given': list_filter(firsts, lambda f: f <> '')}}) AS authors
        FROM people GROUP BY object
        """
    ).to_arrow_table()

    def build_support(enc: EncodedClaims) -> sparse.csr_matrix:
        # a truncated list ("Knuth") backs the fuller one it is part of by the share it names;
        # a fuller list does not back a truncated one; spelling variants back each other
        return similarity.token_list_support(
            enc.table.candidate_item, [v.split() for v in enc.candidate_value], threshold=0.9
        )

    def score(chosen: pa.Table) -> Score:
        c2 = duckdb.connect()
        c2.register("chosen", chosen)
        c2.register("gold", gold)
        exact, strict, lenient, scored = c2.execute(
            """
            WITH judged AS (
              SELECT list_has_all(list_concat(g.allowed, ['']), c.tokens) AS nothing_else,
                     list_has_all(c.tokens, g.last_tokens) AS every_last_name,
                     list_bool_and(list_transform(g.authors, lambda a:
                         len(a.given) = 0 OR list_bool_or(list_transform(a.given, lambda f:
                           list_contains(c.tokens, f) OR list_contains(c.tokens, left(f, 1))))))
                       AS every_given_name,
                     list_bool_and(list_transform(g.authors, lambda a:
                         list_bool_and(list_concat([true], list_transform(a.given, lambda f:
                           list_contains(c.tokens, f) OR list_contains(c.tokens, left(f, 1)))))))
                       AS all_given_names
              FROM gold g JOIN (SELECT object, string_split(value, ' ') AS tokens FROM chosen) c
                USING (object)
            )
            SELECT count(*) FILTER (WHERE nothing_else AND every_last_name AND all_given_names),
                   count(*) FILTER (WHERE nothing_else AND every_last_name AND every_given_name),
                   count(*) FILTER (WHERE nothing_else AND every_last_name),
                   count(*)
            FROM judged
            """
        ).fetchone() or (0, 0, 0, 0)
        return Score(
            exact / max(scored, 1),
            exact,
            scored,
            {"strict": strict / max(scored, 1), "lenient": lenient / max(scored, 1)},
        )

    note = (
        "100 gold books, author lists compared as sets of name tokens (order, case, punctuation,"
        " accents and role words like '(Author)' ignored), never a token outside the gold authors'"
        " names and initials. exact (the accuracy): every gold author's last name and every given"
        " name, in full or as its initial; strict: last name and at least one given name per"
        " author; lenient: last names suffice"
    )
    return Benchmark(
        "book",
        claims,
        build_support,
        score,
        {"vote": 0.71, "best": 0.87},
        note,
        specificity=lambda enc: np.array(
            [len(v.split()) for v in enc.candidate_value], dtype=np.float64
        ),
        # a list missing a middle initial or a co-author is a less specific form of the fuller one
        generalizes=lambda enc: similarity.generalization(
            enc.table.n_candidates,
            *similarity.token_subsets(
                enc.table.candidate_item, [v.split() for v in enc.candidate_value]
            ),
        ),
    )


# ----------------------------------------------------------------------------------- population


def _read_latin1_tsv(path: Path, names: list[str]) -> pa.Table:
    text = path.read_bytes().decode("latin-1")
    # split on newlines only: str.splitlines also breaks at \x85 and \x1c-\x1e, which latin-1
    # decoding makes of bytes inside UTF-8 names
    rows = [line.split("\t") for line in text.split("\n") if line.strip()]
    width = len(names)
    rows = [(r + [""] * width)[:width] for r in rows]
    return pa.table({name: [r[k] for r in rows] for k, name in enumerate(names)})


def load_population() -> Benchmark:
    con = duckdb.connect()
    base = DATA / "population"
    # the file mixes encodings (a few editor names are not valid UTF-8): decode it as latin-1
    raw = _read_latin1_tsv(base / "population-new-new.txt", ["c0", "c1", "c2", "c3"])
    con.register("raw", raw)
    claims = con.execute(
        """
        SELECT DISTINCT trim(c1) AS source, trim(c0) AS object, 'population' AS attribute,
               (TRY_CAST(trim(c2) AS DOUBLE)::BIGINT)::VARCHAR AS value,
               TRY_CAST(trim(c2) AS DOUBLE) AS number
        FROM raw WHERE TRY_CAST(trim(c2) AS DOUBLE) IS NOT NULL
        """
    ).to_arrow_table()
    gold = con.execute(
        f"""
        SELECT lower(trim(c0)) || ', ' || lower(trim(c1)) || '_' || trim(c2) AS object,
               TRY_CAST(trim(c3) AS DOUBLE) AS number
        FROM read_csv('{base / "population-gd.txt"}', delim=',', header=false, quote='"',
                      encoding='latin-1',
                      columns={{'c0':'VARCHAR','c1':'VARCHAR','c2':'VARCHAR','c3':'VARCHAR'}})
        """
    ).to_arrow_table()

    def build_support(enc: EncodedClaims) -> sparse.csr_matrix:
        # two population figures within 1% of each other back each other partly (rounded edits)
        number = enc.table.candidate_number
        assert number is not None
        return similarity.interval_support(
            enc.table.candidate_item, number, tolerance=0.0, scale=0.01, relative=True
        )

    def score(chosen: pa.Table) -> Score:
        c2 = duckdb.connect()
        c2.register("chosen", chosen)
        c2.register("gold", gold)
        correct, scored = c2.execute(
            "SELECT count(*) FILTER (WHERE TRY_CAST(c.value AS DOUBLE) = g.number), count(*) "
            "FROM gold g JOIN chosen c ON lower(c.object) = g.object"
        ).fetchone() or (0, 0)
        return Score(correct / max(scored, 1), correct, scored)

    note = (
        "daz45 preprocessing (4,183 claims); gold city-years present in the claims; correct when"
        " the chosen figure equals the census figure exactly"
    )
    return Benchmark(
        "population", claims, build_support, score, {"vote": 0.799, "best": 0.861}, note
    )


def load_population_full() -> Benchmark:
    """Pasternack & Roth's own Population set (49,955 claims, 4,264 editors; DAFNA-EA copy): the
    data their published figures are measured on. Items = (city, year); gold = census figures."""
    con = duckdb.connect()
    base = DATA / "population_dafna"
    text = (base / "claims" / "population_claims_neglect_redundency.txt").read_bytes()
    # the file is UTF-8; split on newlines only (str.splitlines also breaks at \x85, \u2028, ...)
    rows = [line.split("|\t") for line in text.decode("utf-8").split("\n") if line.strip()]
    raw = pa.table(
        {
            "city": [r[2].strip() if len(r) > 5 else None for r in rows],
            "property": [r[3].strip() if len(r) > 5 else None for r in rows],
            "value": [r[4].strip() if len(r) > 5 else None for r in rows],
            "editor": [r[5].strip() if len(r) > 5 else None for r in rows],
            # the claim id (first column) numbers the lines; each city's claims are one block
            # in the order of its page's edit history (see benchmarks/README.md, "Population")
            "claim_id": [int(r[0]) if len(r) > 5 and r[0].strip().isdigit() else None for r in rows],
        }
    )
    con.register("raw", raw)
    claims = con.sql(
        """
        SELECT editor AS source,
               lower(city) || '_' || regexp_extract(property, '(\\d{4})', 1) AS object,
               'population' AS attribute,
               (TRY_CAST(value AS DOUBLE)::BIGINT)::VARCHAR AS value,
               any_value(TRY_CAST(value AS DOUBLE)) AS number,
               min(claim_id)::DOUBLE AS "order"
        FROM raw WHERE TRY_CAST(value AS DOUBLE) IS NOT NULL AND editor IS NOT NULL
        GROUP BY ALL
        ORDER BY "order", source
        """
    ).to_arrow_table()
    gold = con.sql(
        f"""
        SELECT DISTINCT lower(trim(c0)) || ', ' || lower(trim(c1)) || '_' || trim(c2) AS object,
               TRY_CAST(trim(c3) AS DOUBLE) AS number
        FROM read_csv('{base / "truth" / "popAnswersOut.txt"}', delim=',', header=false, quote='"',
                      encoding='latin-1',
                      columns={{'c0':'VARCHAR','c1':'VARCHAR','c2':'VARCHAR','c3':'VARCHAR'}})
        """
    ).to_arrow_table()
    base_bench = load_population()
    note = (
        "Pasternack & Roth's data (49,955 claims, DAFNA-EA copy); gold city-years present in the"
        " claims; correct when the chosen figure equals the census figure exactly"
    )

    def score(chosen: pa.Table) -> Score:
        c2 = duckdb.connect()
        c2.register("chosen", chosen)
        c2.register("gold", gold)
        correct, scored = c2.execute(
            "SELECT count(*) FILTER (WHERE TRY_CAST(c.value AS DOUBLE) = g.number), count(*) "
            "FROM gold g JOIN chosen c ON lower(c.object) = g.object"
        ).fetchone() or (0, 0)
        return Score(correct / max(scored, 1), correct, scored)

    return Benchmark(
        "population",
        claims,
        base_bench.build_support,
        score,
        {"vote": 0.799, "best": 0.861},
        note,
    )


# --------------------------------------------------------------------------------- hierarchical


def load_hierarchical(name: str) -> Benchmark:
    base = DATA / "tdh_hierarchical" / name
    con = duckdb.connect()
    hierarchy = con.execute(
        f"SELECT ID::BIGINT AS id, name, parentID::BIGINT AS parent FROM read_csv('{base / 'hierarchy.csv'}', header=true) ORDER BY id"
    ).fetchnumpy()
    n_nodes = int(hierarchy["id"].max()) + 1
    parent = np.full(n_nodes, -1, dtype=np.int64)
    parent[hierarchy["id"]] = hierarchy["parent"]
    claims = con.execute(
        f"""
        SELECT DISTINCT src AS source, obj AS object, 'place' AS attribute, trim(value) AS value,
               NULL::DOUBLE AS number
        FROM read_csv('{base / "claims.csv"}', header=true, all_varchar=true)
        WHERE value IS NOT NULL
        """
    ).to_arrow_table()
    gold = con.execute(
        f"""
        SELECT obj AS object, trim(string_split(value, ',')[1]) AS leaf,
               list_transform(string_split(value, ','), lambda x: trim(x)) AS path
        FROM read_csv('{base / "groundtruths.csv"}', header=true, all_varchar=true)
        """
    ).to_arrow_table()
    names = np.asarray(hierarchy["name"], dtype=object)
    ids = np.asarray(hierarchy["id"], dtype=np.int64)

    def candidate_nodes(enc: EncodedClaims) -> np.ndarray:
        # a place name may name several nodes; take the deepest (most specific) one, then lowest id
        depth = similarity.node_depth(parent)
        c2 = duckdb.connect()
        c2.register("nodes", pa.table({"id": ids, "name": names.tolist(), "depth": depth[ids]}))
        c2.register(
            "cand",
            pa.table(
                {"cid": np.arange(enc.table.n_candidates), "name": enc.candidate_value.tolist()}
            ),
        )
        rows = c2.execute(
            "SELECT cid, arg_max(id, depth * 1000000 - id) AS node FROM cand JOIN nodes USING (name) GROUP BY cid"
        ).fetchnumpy()
        node = np.full(enc.table.n_candidates, -1, dtype=np.int64)
        node[rows["cid"]] = rows["node"]
        return node

    def build_support(enc: EncodedClaims) -> sparse.csr_matrix:
        return similarity.hierarchy_support(enc.table.candidate_item, candidate_nodes(enc), parent)

    def specificity(enc: EncodedClaims) -> np.ndarray:
        node = candidate_nodes(enc)
        depth = similarity.node_depth(parent)
        return np.where(node >= 0, depth[np.maximum(node, 0)], 0).astype(np.float64)

    def score(chosen: pa.Table) -> Score:
        c2 = duckdb.connect()
        c2.register("chosen", chosen)
        c2.register("gold", gold)
        correct, general, scored = c2.execute(
            "SELECT count(*) FILTER (WHERE c.value = g.leaf), "
            "count(*) FILTER (WHERE list_contains(g.path, c.value)), count(*) "
            "FROM gold g JOIN chosen c USING (object)"
        ).fetchone() or (0, 0, 0)
        return Score(
            correct / max(scored, 1), correct, scored, {"gen_accuracy": general / max(scored, 1)}
        )

    note = (
        "Accuracy = chosen place equals the gold leaf; GenAccuracy (in groups) = chosen place is the"
        " leaf or one of its ancestors (Jung et al. EDBT 2019)"
    )

    def generalizes(enc: EncodedClaims) -> sparse.csr_matrix:
        # a place is a less specific form of the places inside it
        general, specific = similarity.hierarchy_refinements(
            enc.table.candidate_item, candidate_nodes(enc), parent
        )
        return similarity.generalization(enc.table.n_candidates, general, specific)

    return Benchmark(
        name,
        claims,
        build_support,
        score,
        {},
        note,
        specificity=specificity,
        generalizes=generalizes,
    )


def load(name: str) -> Benchmark:
    if name == "flight-day":
        return load_flight(["2011-12-08"], name, {"vote": 0.864, "best": 0.943})
    if name == "flight-all":
        return load_flight(flight_days(), name, {"vote": 0.887, "best": 0.987})
    if name == "book":
        return load_book()
    if name == "population":
        return load_population_full()
    if name == "population-gtm":
        return load_population()
    if name in ("birthplaces", "heritages"):
        return load_hierarchical(name)
    raise ValueError(f"unknown dataset {name!r}")
