"""Each relation kind on small hand-written examples (an invented event written for the tests)."""

from __future__ import annotations

from veracity.lineage import find_lineage, lineage_lines, witness_groups
from veracity.model import Document, Lineage

# An invented flood story, its variants and an independent account of the same invented event.
ORIGINAL = """\
Floodwaters swept through the river town of Valmora on 14 March 2021, forcing 2,350 residents \
from their homes. The Kessel river rose 4.2 metres in six hours after three days of rain.

Mayor Ilse Drummond said 37 people were rescued from rooftops by boats of the Valmora fire \
brigade. Two elderly men died when their car was swept off the Ostrow bridge at 3:45 pm.

The regional governor, Pavel Anker, declared an emergency and sent 180 soldiers to build \
sandbag walls along the eastern bank. Schools stayed closed for 11 days.

Engineers from the Northern Water Board warned that the dam at Lake Corrin, built in 1958, had \
not been inspected since 2009. The board promised a report within 30 days.

Insurance companies estimated the damage at 48 million euros. The town council opened a relief \
fund that collected 1.2 million euros in the first week."""

# Same story as a syndicated copy: numbers changed, one sentence dropped, two swapped.
EDITED_COPY = """\
Floodwaters swept through the river town of Valmora on 14 March 2021, forcing 2,900 residents \
from their homes. The Kessel river rose 4.8 metres in six hours after three days of rain.

Two elderly men died when their car was swept off the Ostrow bridge at 3:45 pm. Mayor Ilse \
Drummond said 41 people were rescued from rooftops by boats of the Valmora fire brigade.

The regional governor, Pavel Anker, declared an emergency and sent 200 soldiers to build \
sandbag walls along the eastern bank.

Engineers from the Northern Water Board warned that the dam at Lake Corrin, built in 1958, had \
not been inspected since 2009. The board promised a report within 30 days.

Insurance companies estimated the damage at 52 million euros. The town council opened a relief \
fund that collected 1.2 million euros in the first week."""

# A column on river management that pastes two paragraphs of the original.
PARTIAL_COPY = """\
Every spring the same argument returns: who pays for the dykes that nobody notices until they \
fail? Small towns along northern rivers have spent a decade waiting for money promised by \
capitals that rarely send inspectors and never send engineers.

The regional governor, Pavel Anker, declared an emergency and sent 180 soldiers to build \
sandbag walls along the eastern bank. Schools stayed closed for 11 days.

Engineers from the Northern Water Board warned that the dam at Lake Corrin, built in 1958, had \
not been inspected since 2009. The board promised a report within 30 days.

Reports are cheap. Concrete is not, and the towns that need it most have the fewest voters, \
the smallest budgets and the longest memories of promises that came to nothing at all."""

# Indonesian translation of the original, written for this test.
INDONESIAN = """\
Banjir melanda kota sungai Valmora pada 14 Maret 2021 dan memaksa 2.350 warga meninggalkan \
rumah mereka. Sungai Kessel naik 4,2 meter dalam enam jam setelah hujan selama tiga hari.

Wali kota Ilse Drummond mengatakan 37 orang diselamatkan dari atap rumah dengan perahu pemadam \
kebakaran Valmora. Dua pria lanjut usia tewas ketika mobil mereka terseret dari jembatan Ostrow \
pada pukul 15.45.

Gubernur daerah, Pavel Anker, mengumumkan keadaan darurat dan mengirim 180 tentara untuk \
membangun tanggul karung pasir di tepi timur. Sekolah ditutup selama 11 hari.

Para insinyur dari Northern Water Board memperingatkan bahwa bendungan di Danau Corrin, yang \
dibangun pada 1958, belum diperiksa sejak 2009. Badan itu menjanjikan laporan dalam 30 hari.

Perusahaan asuransi memperkirakan kerugian mencapai 48 juta euro. Dewan kota membuka dana \
bantuan yang mengumpulkan 1,2 juta euro pada minggu pertama."""

# Spanish translation of the original, written for this test.
SPANISH = """\
Las inundaciones arrasaron la ciudad ribereña de Valmora el 14 de marzo de 2021 y obligaron a \
2.350 vecinos a abandonar sus casas. El río Kessel subió 4,2 metros en seis horas tras tres días \
de lluvia.

La alcaldesa Ilse Drummond dijo que 37 personas fueron rescatadas de los tejados por las lanchas \
de los bomberos de Valmora. Dos ancianos murieron cuando su coche fue arrastrado del puente de \
Ostrow a las 15:45.

El gobernador regional, Pavel Anker, declaró la emergencia y envió 180 soldados para levantar \
muros de sacos de arena en la orilla este. Las escuelas cerraron durante 11 días.

Ingenieros de la Northern Water Board advirtieron que la presa del lago Corrin, construida en \
1958, no se inspeccionaba desde 2009. El organismo prometió un informe en 30 días.

Las aseguradoras calcularon los daños en 48 millones de euros. El ayuntamiento abrió un fondo de \
ayuda que recaudó 1,2 millones de euros en la primera semana."""

# An independent report of the same invented event: same key figures, own order and own words.
INDEPENDENT = """\
Two men in their eighties were killed in Valmora when the Kessel burst its banks, police said \
on Monday. Their car left the Ostrow bridge in the afternoon as the water reached the road.

Around 2,350 people had to leave their homes, according to the town hall, and fire brigade \
boats picked 37 residents off their roofs during the night. The army sent 180 soldiers.

Local farmers blamed years of neglect. A spokesman for the Northern Water Board declined to \
comment on the state of the Lake Corrin dam, which dates from 1958.

Governor Pavel Anker toured the eastern bank on Tuesday and promised money for repairs. Damage \
is put at 48 million euros; the relief fund has raised 1.2 million so far, on 14 March 2021."""


# Two short invented chronologies of one invented event: the same facts in the same order (as
# independent summaries of one event often give them), in other words.
CHRONOLOGY = """\
Valmora, 14 March 2021, 10:25: the Kessel breaks through the dyke. By evening 2,350 people \
have left their homes and 37 have been lifted from rooftops; two men drown when their car is \
swept off the Ostrow bridge. Governor Pavel Anker sends 180 soldiers.{quote} In 2023 a court \
convicts the engineer Mara Ulden and the contractor Tomas Brell over the Lake Corrin dam, built \
in 1958."""
OTHER_CHRONOLOGY = """\
It was 10:25 on 14 March 2021 when the river Kessel overran the town of Valmora. Some 2,350 \
residents fled, boat crews saved 37 of them, and a car carrying two pensioners went into the \
water at the Ostrow bridge. Pavel Anker, the regional governor, ordered 180 troops in.{quote} \
Two years later, in 2023, judges found Mara Ulden, an engineer, and Tomas Brell, a builder, \
guilty of neglecting the Lake Corrin dam from 1958."""
ANKER_QUOTE = ' "We will rebuild every house that the water took from us this spring," he said.'

# Two pages of one invented reference site on two unrelated invented floods: the page template
# (labels, captions, closing line) is the same, every figure and name in it differs.
SITE_PAGE = """\
From the River Almanac, the open flood register. Entry {entry} of the register.
Date {day} March {year}. Coordinates {lat} N {lon} E. Displaced {displaced} (including \
{children} children). Boats {boats}. Dead {dead} ({old} elderly, {young} young). Injured \
{injured}. Data taken from the regional water survey [1] and river gauges listed in the almanac.
{body}"""
SITE_BODY_A = """\
The {river} rose after a week of rain and covered the lower town. Farmers moved their herds to \
the hills, and the old mill lost its wheel. A ferry stopped running for the whole spring.
Merchants on the market square carried their stock to the church loft, where it stayed dry \
until the water went down. The town later raised the embankment by a metre and planted willows \
along it, and a stone on the bridge still marks how high the river came that year."""
SITE_BODY_B = """\
Snowmelt filled the valley reservoir until the spillway overflowed at night. Two villages were \
cut off, a school became a shelter, and a helicopter carried food to the upper farms.
The railway line along the gorge was closed for most of the summer while crews cleared mud and \
boulders from the tracks. An inquiry blamed the late opening of the sluice gates, and the \
operator installed sirens in every village below the dam before the following winter."""

PAGE_VALUES_A = dict(entry=118, day=3, year=1967, lat="47 12 30", lon="8 31 10", displaced=640)
PAGE_VALUES_A.update(children=85, boats=12, dead=9, old=5, young=4, injured=31, river="Aller")
PAGE_VALUES_B = dict(entry=342, day=21, year=1994, lat="44 3 51", lon="11 48 2", displaced=2100)
PAGE_VALUES_B.update(children=390, boats=40, dead=3, old=2, young=1, injured=57, river="")


def _site_page(body: str, **values: object) -> str:
    return SITE_PAGE.format(body=body.format(**values), **values)


def _doc(doc_id: str, text: str, language: str, published: str | None = None) -> Document:
    return Document(doc_id, text, language, published=published)


def _pairs(links: list[Lineage]) -> dict[frozenset[str], Lineage]:
    return {frozenset((link.document, link.of)): link for link in links}


def test_lineage_edited_copy_is_near_duplicate_despite_changed_numbers() -> None:
    links = find_lineage([_doc("orig", ORIGINAL, "en"), _doc("copy", EDITED_COPY, "en")])
    assert len(links) == 1
    assert links[0].relation == "near-duplicate"
    assert {links[0].document, links[0].of} == {"copy", "orig"}


def test_lineage_direction_follows_publication_date() -> None:
    links = find_lineage(
        [
            _doc("orig", ORIGINAL, "en", published="2021-03-14"),
            _doc("copy", EDITED_COPY, "en", published="2021-03-15"),
        ]
    )
    assert (links[0].document, links[0].of, links[0].directed) == ("copy", "orig", True)


def test_lineage_partial_copy_is_derived_from_the_fuller_text() -> None:
    links = find_lineage([_doc("orig", ORIGINAL, "en"), _doc("column", PARTIAL_COPY, "en")])
    assert len(links) == 1
    assert links[0].relation == "derived"


def test_lineage_indonesian_translation_found_without_shared_words() -> None:
    links = find_lineage([_doc("orig", ORIGINAL, "en"), _doc("terjemahan", INDONESIAN, "id")])
    assert len(links) == 1
    assert links[0].relation == "translation"
    assert {links[0].document, links[0].of} == {"orig", "terjemahan"}


def test_lineage_spanish_translation_found() -> None:
    links = find_lineage([_doc("orig", ORIGINAL, "en"), _doc("traduccion", SPANISH, "es")])
    assert [link.relation for link in links] == ["translation"]


def test_lineage_independent_account_of_same_event_is_not_linked() -> None:
    docs = [
        _doc("orig", ORIGINAL, "en"),
        _doc("other", INDEPENDENT, "en"),
        _doc("terjemahan", INDONESIAN, "id"),
        _doc("traduccion", SPANISH, "es"),
    ]
    pairs = _pairs(find_lineage(docs))
    assert not any("other" in key for key in pairs)
    # the three real relatives are all found, in one run
    assert frozenset(("orig", "terjemahan")) in pairs
    assert frozenset(("orig", "traduccion")) in pairs


def test_lineage_unrelated_texts_give_no_links() -> None:
    unrelated = (
        "The chess olympiad opened in Tallinn with 184 teams. Grandmaster Oona Vellamo won her "
        "first game in 41 moves after a long endgame with rooks and a single pawn."
    )
    assert find_lineage([_doc("orig", ORIGINAL, "en"), _doc("chess", unrelated, "en")]) == []


def test_lineage_same_facts_in_same_order_need_some_shared_wording_in_one_language() -> None:
    own_words = [
        _doc("first", CHRONOLOGY.format(quote=""), "en"),
        _doc("second", OTHER_CHRONOLOGY.format(quote=""), "en"),
    ]
    assert find_lineage(own_words) == []
    # a rewrite that keeps a sentence of what it rewrites (here a quote) is derived from it
    rewrite = [
        _doc("first", CHRONOLOGY.format(quote=ANKER_QUOTE), "en"),
        _doc("second", OTHER_CHRONOLOGY.format(quote=ANKER_QUOTE), "en"),
    ]
    assert [link.relation for link in find_lineage(rewrite)] == ["derived"]


def test_lineage_a_shared_site_template_with_other_figures_is_not_a_copy() -> None:
    first = _site_page(SITE_BODY_A, **PAGE_VALUES_A)
    second = _site_page(SITE_BODY_B, **PAGE_VALUES_B)
    assert find_lineage([_doc("page1", first, "en"), _doc("page2", second, "en")]) == []
    # the same template around the same figures is a copied page
    copy = first.replace("a week of rain", "eight days of rain")
    links = find_lineage([_doc("page1", first, "en"), _doc("copy", copy, "en")])
    assert [link.relation for link in links] == ["near-duplicate"]


def test_lineage_all_relatives_collapse_into_one_witness_group() -> None:
    docs = [
        _doc("orig", ORIGINAL, "en", published="2021-03-14"),
        _doc("copy", EDITED_COPY, "en", published="2021-03-15"),
        _doc("terjemahan", INDONESIAN, "id", published="2021-03-16"),
        _doc("other", INDEPENDENT, "en", published="2021-03-15"),
    ]
    groups = witness_groups([d.id for d in docs], find_lineage(docs))
    assert groups["copy"] == groups["terjemahan"] == groups["orig"] == "orig"
    assert groups["other"] == "other"


def test_lineage_lines_name_the_relation() -> None:
    line = lineage_lines([Lineage("b", "a", "translation", 0.9)], {"a": "en", "b": "id"})
    assert line == ["b (id) is a translation of a (en)  [0.90]"]


def test_lineage_within_groups_compares_only_documents_of_one_group() -> None:
    documents = [
        _doc("orig", ORIGINAL, "en"),
        _doc("copy", EDITED_COPY, "en"),
        _doc("translation", INDONESIAN, "id"),
    ]
    together = _pairs(find_lineage(documents, groups=[["orig", "copy", "translation"]]))
    assert together == _pairs(find_lineage(documents))
    apart = _pairs(find_lineage(documents, groups=[["orig", "copy"], ["translation"]]))
    assert set(apart) == {frozenset(("orig", "copy"))}
