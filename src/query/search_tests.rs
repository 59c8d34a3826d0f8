//! Tests of search: folding, matching, ranking and match positions.

use super::super::fold::fold_chars;
use super::*;
use proptest::prelude::*;

/// Real task titles from the 2025 plan (NFC), with their ids and a lead unit.
const ROWS: [[&str; 3]; 10] = [
    [
        "IV.5",
        "Kết nối, chia sẻ dữ liệu CSDL hộ tịch điện tử, quốc tịch, lý lịch tư pháp với CSDL quốc gia về dân cư theo Luật Căn cước",
        "Cục HTQTCT Trung tâm LLTPQG",
    ],
    [
        "P.6",
        "Xây dựng, hoàn thiện Cơ sở dữ liệu hộ tịch để vận hành đồng bộ với Cơ sở dữ liệu quốc gia về dân cư",
        "Cục HTQTCT",
    ],
    [
        "IV.7",
        "Tiếp tục hỗ trợ các địa phương triển khai kết nối, liên thông dữ liệu giữa Hệ thống phần mềm một cửa điện tử dùng chung của địa phương và Hệ thống thông tin đăng ký và quản lý hộ tịch, Hệ thống phần mềm quản lý lý lịch tư pháp",
        "Cục HTQTCT Trung tâm LLTPQG",
    ],
    [
        "IV.2",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trên Hệ thống thông tin Giải quyết thủ hành chính",
        "Văn phòng Bộ",
    ],
    [
        "V.3",
        "Triển khai hiệu quả nhiệm vụ ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động hỗ trợ pháp lý cho doanh nghiệp theo Quyết định số 345/QĐ-TTg",
        "Cục CNTT",
    ],
    [
        "V.4",
        "Tiếp tục nâng cấp, mở rộng và hoàn thiện Hệ thống đăng ký trực tuyến về giao dịch bảo đảm",
        "Cục ĐKQGGDBĐ",
    ],
    [
        "IV.6",
        "Duy trì và hoàn thiện Nền tảng tích hợp, chia sẻ dữ liệu của Bộ (LGSP), kết nối các cơ sở dữ liệu quốc gia, cơ sở dữ liệu của các bộ, ngành, địa phương",
        "Cục CNTT",
    ],
    [
        "III.14",
        "Thử nghiệm các giải pháp ứng dụng trí tuệ nhân tạo (AI) trong quản lý hoạt động nghiệp vụ THADS;",
        "Tổng cục THADS",
    ],
    [
        "P.9",
        "Xây dựng Hệ thống thông tin Trợ giúp pháp lý",
        "Cục TGPL",
    ],
    ["III.3", "Thuê Phần mềm Quản lý cán bộ", "Vụ TCCB"],
];

fn fixture() -> Vec<Haystack> {
    ROWS.iter().map(|row| Haystack::new(row)).collect()
}

fn ids(query: &str, rows: &[Haystack]) -> Vec<&'static str> {
    search(&Query::new(query), rows)
        .into_iter()
        .map(|(i, _)| ROWS.get(i).map_or("extra", |row| row[0]))
        .collect()
}

fn sorted(mut ids: Vec<&'static str>) -> Vec<&'static str> {
    ids.sort_unstable();
    ids
}

/// Optimal string alignment distance, the textbook way.
fn osa(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    d[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

fn first_ok(q: &[char], t: &[char]) -> bool {
    q[0] == t[0] || (q.len() > 1 && t.len() > 1 && q[0] == t[1] && q[1] == t[0])
}

/// The word with runs of one letter made single, if that leaves a word of 2 letters or more.
fn single_letters(q: &[char]) -> Option<Vec<char>> {
    let mut single = q.to_vec();
    single.dedup();
    (single.len() >= 2 && single != q).then_some(single)
}

/// The matching rules for one query word being typed against one title word.
fn reference(q: &[char], t: &[char]) -> bool {
    if t.starts_with(q) || single_letters(q).is_some_and(|s| t.starts_with(&s)) {
        return true;
    }
    if q.len() < 4 || t.len() < 4 || !first_ok(q, t) {
        return false;
    }
    osa(q, t) <= 1
        || (q.len() >= 5
            && (q.len() - 1..=q.len() + 1).any(|l| l < t.len() && osa(q, &t[..l]) <= 1))
}

#[test]
fn ho_tich_finds_exactly_the_three_ho_tich_rows() {
    let rows = fixture();
    let hits = search(&Query::new("ho tich"), &rows);
    let found: Vec<usize> = hits.iter().map(|(i, _)| *i).collect();
    assert_eq!(
        sorted(ids("ho tich", &rows)),
        ["IV.5", "IV.7", "P.6"],
        "{hits:?}"
    );
    // All three hold the phrase, so all score above any non-phrase match.
    assert!(
        hits.iter().all(|(_, hit)| hit.score >= 2 * EXACT + PHRASE),
        "{hits:?}"
    );
    assert_eq!(found.len(), 3);
}

#[test]
fn phrase_matches_rank_first() {
    let rows = fixture();
    // "dữ liệu quốc gia" is a phrase in P.6 and IV.6; IV.5 has the words apart.
    assert_eq!(ids("du lieu quoc gia", &rows), ["P.6", "IV.6", "IV.5"]);
    // Words in order but apart beat words out of order.
    let apart = Haystack::new(&["A", "hộ gia đình và tịch thu"]);
    let reversed = Haystack::new(&["B", "tịch thu của hộ gia đình"]);
    let hits = search(&Query::new("ho tich"), &[reversed, apart]);
    assert_eq!(hits.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1, 0]);
}

#[test]
fn case_and_diacritics_do_not_change_the_set() {
    let rows = fixture();
    let plain = sorted(ids("ho tich", &rows));
    assert_eq!(sorted(ids("HO TICH", &rows)), plain);
    assert_eq!(sorted(ids("hộ tịch", &rows)), plain);
    assert_eq!(sorted(ids("HỘ TỊCH", &rows)), plain);
}

#[test]
fn dang_ky_finds_titles_and_unit_names() {
    let mut rows = fixture();
    assert_eq!(sorted(ids("dang ky", &rows)), ["IV.7", "V.4"]);
    assert_eq!(sorted(ids("Đăng ký", &rows)), ["IV.7", "V.4"]);
    rows.push(Haystack::new(&[
        "X.1",
        "Tổ chức tập huấn nghiệp vụ",
        "Cục Đăng ký quốc gia giao dịch bảo đảm",
    ]));
    let found = ids("dang ky", &rows);
    assert_eq!(found.len(), 3);
    // Title matches outrank the unit-name match.
    assert_eq!(found.last(), Some(&"extra"));
    // "dk" is no abbreviation of "đăng ký", but it starts the unit "ĐKQGGDBĐ".
    assert_eq!(ids("dk", &rows), ["V.4"]);
}

#[test]
fn tich_hop_finds_lgsp_not_ho_tich() {
    assert_eq!(ids("tich hop", &fixture()), ["IV.6"]);
}

#[test]
fn scattered_letters_do_not_match() {
    let rows = fixture();
    assert!(ids("trgiup", &rows).is_empty());
    assert!(ids("htch", &rows).is_empty());
    assert!(ids("tthc", &rows).is_empty());
    assert!(ids("qlhtch", &rows).is_empty());
    // One extra letter is a typo, not scattering: "cnttt" finds "CNTT".
    assert_eq!(sorted(ids("cnttt", &rows)), ["IV.6", "V.3"]);
}

#[test]
fn one_typo_words_match() {
    let rows = fixture();
    assert_eq!(sorted(ids("phan mem", &rows)), ["III.3", "IV.7"]);
    assert_eq!(sorted(ids("phna mem", &rows)), ["III.3", "IV.7"]);
    assert_eq!(sorted(ids("phann mem", &rows)), ["III.3", "IV.7"]);
    assert_eq!(ids("chuyen doi so", &rows), ["V.3"]);
    assert_eq!(ids("chuyn doi so", &rows), ["V.3"]);
    assert_eq!(ids("chuyen doi sô", &rows), ["V.3"]);
    assert_eq!(ids("thue", &rows), ["III.3"]);
    assert_eq!(ids("thuee", &rows), ["III.3"]);
    assert_eq!(ids("thêu phần mềm", &rows), ["III.3"]);
    // Typing "trien kh": the open last word may be a prefix, with one typo once long.
    assert_eq!(sorted(ids("trien kh", &rows)), ["IV.7", "V.3"]);
    assert_eq!(sorted(ids("trien khau", &rows)), ["IV.7", "V.3"]);
}

#[test]
fn words_run_together_are_found_as_the_words() {
    let rows = fixture();
    assert_eq!(sorted(ids("hotich", &rows)), sorted(ids("ho tich", &rows)));
    assert_eq!(sorted(ids("hotich ", &rows)), ["IV.5", "IV.7", "P.6"]);
    assert_eq!(sorted(ids("phanmem", &rows)), ["III.3", "IV.7"]);
    assert_eq!(ids("chuyendoiso", &rows), ["V.3"]);
    assert_eq!(ids("chuyen doiso", &rows), ["V.3"]);
    // The pieces must be whole words, side by side: no typo inside, no words apart.
    assert!(ids("hotihc", &rows).is_empty());
    assert!(
        Query::new("hotich")
            .score(&Haystack::new(&["A", "hộ gia đình tịch thu"]))
            .is_none()
    );
    // The words highlighted are the two words.
    let Some(hit) = Query::new("hotich ").score(&rows[1]) else {
        unreachable!("P.6 holds hộ tịch");
    };
    let title: Vec<char> = ROWS[1][1].chars().collect();
    let picked: String = hit.positions[0].1.iter().map(|&i| title[i]).collect();
    assert_eq!(picked, "hộtịch");
    // The word as typed scores above the same letters run together; and a search that finds
    // the word as typed lists only that (the variants are tried only when it finds nothing).
    let rows = [
        Haystack::new(&["A", "Sổ hộ tịch"]),
        Haystack::new(&["B", "Sổ hotich"]),
    ];
    let query = Query::new("hotich");
    let (Some(glued), Some(typed)) = (query.score(&rows[0]), query.score(&rows[1])) else {
        unreachable!("both match");
    };
    assert!(typed.score > glued.score, "{typed:?} {glued:?}");
    assert!(query.score_as_typed(&rows[0]).is_none());
    let order: Vec<usize> = search(&query, &rows).into_iter().map(|(i, _)| i).collect();
    assert_eq!(order, [1]);
    assert_eq!(search(&query, &rows[..1]).len(), 1);
}

#[test]
fn a_doubled_letter_is_a_letter_typed_twice() {
    let rows = fixture();
    assert_eq!(ids("chuyen doi sso", &rows), ["V.3"]);
    assert_eq!(ids("sso hoa ", &rows), ["IV.2"]);
    assert_eq!(sorted(ids("hoo tich", &rows)), ["IV.5", "IV.7", "P.6"]);
    // A numeral is no doubled letter: "iii" is not "i".
    assert_eq!(sorted(ids("iii", &rows)), ["III.14", "III.3"]);
    // What is typed right scores higher.
    let rows = [
        Haystack::new(&["A", "chuyển đổi số"]),
        Haystack::new(&["B", "chuyển đổi sso"]),
    ];
    let query = Query::new("chuyen doi sso");
    let (Some(single), Some(typed)) = (query.score(&rows[0]), query.score(&rows[1])) else {
        unreachable!("both match");
    };
    assert!(typed.score > single.score, "{typed:?} {single:?}");
}

#[test]
fn a_typo_keeps_the_first_letter() {
    let rows = fixture();
    // "dich" is a word of its own (giao dịch), never a typo of "tịch".
    // ("định" is one typo away, with the right initial.)
    assert_eq!(ids("dich", &rows), ["V.4", "V.3"]);
    let book = Haystack::new(&["A", "Sổ hộ tịch"]);
    assert!(Query::new("ho dich").score(&book).is_none());
    assert!(Query::new("ho tihc").score(&book).is_some());
    // Swapping the first two letters is still a typo.
    assert_eq!(sorted(ids("hpan mem", &rows)), ["III.3", "IV.7"]);
}

#[test]
fn skim_grades_close_matches() {
    let query = Query::new("chuyn");
    let hay = Haystack::new(&["A", "chuyển đổi"]);
    let part = &query.terms[0].parts[0];
    // A missing letter: skim finds the query in the word.
    assert!(query.skim_grade(part, &hay, hay.words[1]) > 0);
    let query = Query::new("chuyrn");
    // A wrong letter: no skim match, no grade.
    assert_eq!(
        query.skim_grade(&query.terms[0].parts[0], &hay, hay.words[1]),
        0
    );
    let (Some(missing), Some(wrong)) = (
        Query::new("chuyn").score(&hay),
        Query::new("chuyrn").score(&hay),
    ) else {
        unreachable!("both are one typo away");
    };
    assert!(missing.score > wrong.score, "{missing:?} {wrong:?}");
}

#[test]
fn short_words_need_exact_or_prefix() {
    let rows = fixture();
    // "so" matches "số", "sở", "sơ" exactly; never "sẻ" or "hồ sơ" letters apart.
    assert_eq!(ids("so hoa ", &rows), ["IV.2"]);
    assert_eq!(ids("so hoa", &rows)[0], "IV.2");
    assert!(ids("sx", &rows).is_empty());
}

#[test]
fn only_the_word_being_typed_is_a_prefix() {
    let rows = fixture();
    // Typing: "ho" is still open, so it also matches "hoàn", "hồ", "hỗ", "hóa", ...
    let typing = ids("tich ho", &rows);
    assert!(typing.contains(&"IV.6"), "{typing:?}");
    // Once followed by a space, a word must be whole.
    assert!(!ids("tich ho ", &rows).contains(&"IV.6"));
}

#[test]
fn ids_match_by_prefix() {
    let rows = fixture();
    assert_eq!(ids("iv.5", &rows)[0], "IV.5");
    assert_eq!(ids("IV.5", &rows), ["IV.5"]);
    assert_eq!(sorted(ids("iii", &rows)), ["III.14", "III.3"]);
    assert_eq!(ids("iii.1", &rows), ["III.14"]);
    assert_eq!(ids("iii.3", &rows), ["III.3"]);
    assert_eq!(ids("p.9", &rows), ["P.9"]);
    // "p" being typed starts many title words too, but the ids come first.
    assert_eq!(ids("p", &rows)[..2], ["P.6", "P.9"]);
    assert_eq!(ids("iii.1 ai", &rows), ["III.14"]);
    assert_eq!(ids("345/QĐ-TTg", &rows), ["V.3"]);
    assert_eq!(ids("qd-ttg", &rows), ["V.3"]);
}

#[test]
fn positions_point_at_the_matched_words() {
    let rows = fixture();
    let hit = Query::new("ho tich").score(&rows[0]);
    let Some(hit) = hit else {
        unreachable!("IV.5 must match");
    };
    let title: Vec<char> = ROWS[0][1].chars().collect();
    assert_eq!(hit.positions.len(), 1, "{hit:?}");
    let (field, indices) = &hit.positions[0];
    assert_eq!(*field, 1);
    let picked: String = indices.iter().map(|&i| title[i]).collect();
    assert_eq!(picked, "hộtịch");
    let first = indices[0];
    let span: String = title[first..=indices[indices.len() - 1]].iter().collect();
    assert_eq!(span, "hộ tịch");

    // A prefix highlights what was typed; an id highlights in field 0.
    let Some(hit) = Query::new("iv.5 chia s").score(&rows[0]) else {
        unreachable!("IV.5 must match");
    };
    assert_eq!(hit.positions[0], (0, vec![0, 1, 3]));
    let picked: String = hit.positions[1].1.iter().map(|&i| title[i]).collect();
    assert_eq!(picked, "chias");
}

#[test]
fn same_diacritics_rank_first() {
    let rows = [
        Haystack::new(&["A", "Sổ đăng ký hồ tích"]),
        Haystack::new(&["B", "Sổ đăng ký hộ tịch"]),
    ];
    let order = |q| {
        search(&Query::new(q), &rows)
            .into_iter()
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    assert_eq!(order("hộ tịch"), [1, 0]);
    assert_eq!(order("hồ tích"), [0, 1]);
    assert_eq!(order("ho tich"), [0, 1]);
}

#[test]
fn top_fields_rank_above_later_fields() {
    let rows = [
        Haystack::new(&["A", "Kiểm tra", "Cục Công nghệ thông tin"]),
        Haystack::new(&["B", "Công nghệ thông tin", "Cục CNTT"]),
    ];
    let hits = search(&Query::new("cong nghe"), &rows);
    assert_eq!(hits.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1, 0]);
}

#[test]
fn empty_query_returns_everything_in_order() {
    let rows = fixture();
    for text in ["", "   ", " , . "] {
        let query = Query::new(text);
        assert!(query.is_empty());
        let hits = search(&query, &rows);
        assert_eq!(hits.len(), rows.len());
        for (n, (i, hit)) in hits.into_iter().enumerate() {
            assert_eq!((i, hit.score), (n, 0));
            assert!(hit.positions.is_empty());
        }
    }
    assert!(!Query::new("a").is_empty());
}

#[test]
fn whole_title_finds_its_row_first() {
    let rows = fixture();
    for (i, row) in ROWS.iter().enumerate() {
        let hits = search(&Query::new(row[1]), &rows);
        assert_eq!(hits.first().map(|(j, _)| *j), Some(i), "{}", row[1]);
    }
}

#[test]
fn one_typo_distance() {
    let c = |s: &str| s.chars().collect::<Vec<_>>();
    assert!(one_typo(&c("tich"), &c("tich")));
    assert!(one_typo(&c("tich"), &c("tinh")));
    assert!(one_typo(&c("tich"), &c("tcih")));
    assert!(one_typo(&c("tich"), &c("tichh")));
    assert!(one_typo(&c("tich"), &c("tic")));
    assert!(one_typo(&c("tich"), &c("ich")));
    assert!(!one_typo(&c("tich"), &c("tcihh")));
    assert!(!one_typo(&c("tich"), &c("thic")));
    assert!(!one_typo(&c("tich"), &c("ti")));
}

#[test]
fn types_are_thread_safe() {
    fn shared<T: Send + Sync>() {}
    fn cloned<T: Clone + std::fmt::Debug>() {}
    shared::<Haystack>();
    shared::<Query>();
    shared::<Hit>();
    cloned::<Haystack>();
}

proptest! {
    #[test]
    fn score_never_panics(query in any::<String>(), a in any::<String>(), b in ".*") {
        let _ = Query::new(&query).score(&Haystack::new(&[&a, &b]));
    }

    #[test]
    fn positions_are_inside_their_field(
        query in "[a-zăâđêôơư .ạảãàá]{0,12}",
        fields in prop::collection::vec(any::<String>(), 0..4),
        title in "[a-zA-Zăâđêôơư ,.ạảãàáếộị]{0,60}",
    ) {
        let mut all: Vec<&str> = fields.iter().map(String::as_str).collect();
        all.push(&title);
        let hay = Haystack::new(&all);
        if let Some(hit) = Query::new(&query).score(&hay) {
            for (field, indices) in &hit.positions {
                let chars = all[*field].nfc().count();
                prop_assert!(indices.iter().all(|&i| i < chars), "{:?}", hit);
            }
        }
    }

    #[test]
    fn one_typo_is_osa_distance_one(a in "[abcd]{0,6}", b in "[abcd]{0,6}") {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        prop_assert_eq!(one_typo(&a, &b), osa(&a, &b) <= 1);
    }

    #[test]
    fn word_matching_follows_the_rules(q in "[abcdđ]{1,7}", t in "[abcdđ]{1,9}") {
        let hay = Haystack::new(&["", &t]);
        let (fq, ft) = (fold_chars(&q), fold_chars(&t));
        prop_assert_eq!(Query::new(&q).score(&hay).is_some(), reference(&fq, &ft));
        // A finished word (followed by a space) is no prefix.
        let closed = format!("{q} ");
        let whole = ft == fq
            || single_letters(&fq).is_some_and(|s| s == ft)
            || (ft.len() >= 4 && fq.len() >= 4 && first_ok(&fq, &ft) && osa(&fq, &ft) <= 1);
        prop_assert_eq!(Query::new(&closed).score(&hay).is_some(), whole);
    }

    #[test]
    fn a_whole_title_matches_its_row(id in "[A-Z]{1,3}\\.[0-9]", title in any::<String>()) {
        let hay = Haystack::new(&[&id, &title]);
        prop_assert!(Query::new(&title).score(&hay).is_some());
    }
}

#[test]
fn a_record_with_chars_folded_past_ascii_scores_as_an_ascii_one() {
    // Folded Vietnamese is ASCII and kept as bytes; a dash, a quote or a long word makes the
    // record keep chars. Both must find, score and highlight the same.
    let long = "x".repeat(WORD_BUF + 1);
    let plain = Haystack::new(&["IV.5", "Đăng ký hộ tịch trực tuyến", "Cục HTQTCT"]);
    let dashed = Haystack::new(&["IV.5", "Đăng ký hộ tịch trực tuyến", "Cục HTQTCT – “bản”"]);
    let long_word = Haystack::new(&["IV.5", "Đăng ký hộ tịch trực tuyến", "Cục HTQTCT", &long]);
    assert!(matches!(plain.folded, Folded::Ascii(_)));
    assert!(matches!(dashed.folded, Folded::Wide(_)));
    assert!(matches!(long_word.folded, Folded::Wide(_)));
    for query in [
        "hộ tịch",
        "ho tich",
        "hộ tich",
        "đăng ky",
        "truc tuyen",
        "tịhc",
        "htqt",
    ] {
        let q = Query::new(query);
        let want = q.score(&plain).expect("plain matches");
        for other in [&dashed, &long_word] {
            assert_eq!(q.score(other).as_ref(), Some(&want), "{query}");
        }
    }
    // The diacritics as typed still count: "hộ tịch" scores above "hồ tích" on both.
    let q = Query::new("hộ tịch");
    let marked = q.score(&plain).expect("match").score;
    let other = Haystack::new(&["IV.5", "Đăng ký hồ tích trực tuyến", "Cục HTQTCT – x"]);
    assert!(matches!(other.folded, Folded::Wide(_)));
    assert!(q.score(&other).expect("match").score < marked);
    assert!(Query::new(&long).score(&long_word).is_some());
}

#[test]
fn a_word_packs_into_twelve_bytes() {
    // An index holds tens of words per task: its size is most of the index's.
    assert_eq!(std::mem::size_of::<Word>(), 12);
}
