import numpy as np

from veracity.resolve import similarity


def test_similarity_item_pairs_stay_within_items():
    items = np.array([0, 1, 0, 1, 1])
    a, b = similarity.item_pairs(items)
    assert np.all(items[a] == items[b]) and np.all(a != b)
    assert a.shape[0] == 2 + 6


def test_similarity_interval_range_contains_number():
    # candidates: 150, [100, 200], 300 for one item
    s = similarity.interval_support(
        np.zeros(3, dtype=np.int64),
        np.array([150.0, 100, 300]),
        np.array([150.0, 200, 300]),
        vague_weight=0.5,
    )
    m = s.toarray()
    assert m[0, 1] == 1.0  # the number implies the range
    assert m[1, 0] == 0.5  # the range gives partial support to the number inside
    assert m[0, 2] == 0.0 and m[2, 0] == 0.0


def test_similarity_numeric_closeness_with_tolerance_and_relative_scale():
    items = np.zeros(3, dtype=np.int64)
    m = similarity.interval_support(items, np.array([600.0, 608.0, 640.0]), tolerance=10).toarray()
    assert m[0, 1] == 1.0 and m[0, 2] == 0.0
    r = similarity.interval_support(
        items, np.array([1000.0, 1005.0, 2000.0]), scale=0.01, relative=True
    ).toarray()
    assert 0.5 < r[0, 1] < 1.0 and r[0, 2] < 1e-6


def test_similarity_dates_at_different_precision():
    items = np.zeros(4, dtype=np.int64)
    # 1996-12-17, December 1996, 1996, 1997-01-02
    m = similarity.date_support(
        items,
        [1996, 1996, 1996, 1997],
        [12, np.nan, np.nan, 1],
        [17, np.nan, np.nan, 2],
        vague_weight=0.3,
    )
    m = m.toarray()
    assert m[0, 1] == 1.0 and m[0, 2] == 1.0  # a day implies its month and year
    assert m[2, 0] == 0.3  # the year vouches partly for a day inside it
    assert m[0, 3] == 0.0 and m[3, 2] == 0.0


def test_similarity_date_interval_bounds():
    low, high = similarity.date_interval([2024, 2024], [2, np.nan], [np.nan, np.nan])
    assert high[0] - low[0] == 28  # February of a leap year
    assert high[1] - low[1] == 365


def test_similarity_names_fuzzy():
    items = np.zeros(3, dtype=np.int64)
    m = similarity.name_support(
        items, ["Jean-Luc Picard", "jean luc picard", "Kathryn Janeway"]
    ).toarray()
    assert m[0, 1] > 0.9 and m[0, 2] == 0.0


def test_similarity_hierarchy_containment():
    # 0 root, 1 country, 2 region in 1, 3 city in 2, 4 other country
    parent = np.array([-1, 0, 1, 2, 0])
    items = np.zeros(3, dtype=np.int64)
    nodes = np.array([3, 1, 4])  # candidates: the city, its country, another country
    m = similarity.hierarchy_support(items, nodes, parent, general_weight=0.2).toarray()
    assert m[0, 1] == 1.0 and m[1, 0] == 0.2
    assert m[0, 2] == 0.0 and m[2, 0] == 0.0
    assert list(similarity.node_depth(parent)) == [0, 1, 2, 3, 1]


def test_similarity_truncated_list_backs_the_fuller_list_not_the_reverse():
    # one item: a first author alone, the full list of three, a list with a stranger added
    lists = [["ito"], ["ito", "moreau", "silva"], ["ito", "moreau", "silva", "zed"]]
    m = similarity.token_list_support(np.zeros(3, dtype=np.int64), lists).toarray()
    assert abs(m[0, 1] - 1 / 3) < 1e-9  # names one author of three
    assert abs(m[1, 2] - 3 / 4) < 1e-9
    assert m[1, 0] == 0.0 and m[2, 1] == 0.0  # a longer list is no vote for a truncated one


def test_similarity_list_spelling_variants_support_each_other():
    lists = [["michael", "etzel"], ["micheal", "etzel"], ["karen", "dickinson"]]
    m = similarity.token_list_support(np.zeros(3, dtype=np.int64), lists).toarray()
    assert m[0, 1] > 0.9 and m[1, 0] > 0.9
    assert m[0, 2] == 0.0


def test_similarity_gate_without_concourse_letter_refines_to_the_full_gate():
    items = np.array([0, 0, 0, 0, 1, 1, 1])
    codes = ["37", "A37", "B37", "H5", "B9", "B9A", "A"]
    vague, precise = similarity.code_refinements(items, codes)
    assert set(zip(vague.tolist(), precise.tolist(), strict=True)) == {(0, 1), (0, 2), (4, 5)}
    m = similarity.refinement_support(items, codes, vague_weight=0.5).toarray()
    assert m[1, 0] == 1.0 and m[0, 1] == 0.5 and m[1, 2] == 0.0 and m[0, 3] == 0.0


def test_similarity_token_subsets_pair_a_shorter_list_with_the_fuller_one_only():
    items = np.array([0, 0, 0, 1], dtype=np.int64)
    lists = [["lovelace", "ada"], ["lovelace", "ada", "k"], ["babbage", "ada"], ["lovelace"]]
    general, specific = similarity.token_subsets(items, lists)
    assert list(zip(general.tolist(), specific.tolist(), strict=True)) == [(0, 1)]
    matrix = similarity.generalization(4, general, specific)
    assert matrix[0, 1] == 1.0 and matrix[1, 0] == 0.0 and matrix.diagonal().sum() == 0.0


def test_similarity_hierarchy_refinements_pair_a_region_with_a_place_inside_it():
    parent = np.array([-1, 0, 1, 0], dtype=np.int64)  # 0 country, 1 region, 2 town, 3 region
    items = np.zeros(4, dtype=np.int64)
    general, specific = similarity.hierarchy_refinements(items, np.array([0, 1, 2, 3]), parent)
    pairs = set(zip(general.tolist(), specific.tolist(), strict=True))
    assert pairs == {(0, 1), (0, 2), (0, 3), (1, 2)}
