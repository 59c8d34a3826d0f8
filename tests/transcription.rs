//! The embedded plan against the source document (Quyết định 2595/QĐ-BTP, appendix). Expected
//! values are typed from the source, cell by cell.

use std::collections::BTreeMap;

use steerdeck::domain::text::nfc;
use steerdeck::domain::{TimeframeReading, UnitRegistry, read_timeframe};

fn plan() -> steerdeck::domain::Plan {
    steerdeck::plan::embedded().expect("embedded plan parses")
}

#[test]
fn counts_per_pillar_match_the_appendix() {
    let p = plan();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &p.tasks {
        *counts.entry(t.pillar.as_str()).or_default() += 1;
    }
    let expected = [
        ("leadership", 4),
        ("institutions", 6),
        ("digital-government", 14),
        ("data", 11),
        ("digital-economy", 4),
        ("workforce", 5),
        ("infrastructure", 2),
        ("security", 2),
        ("awareness", 2),
        ("projects", 9),
    ];
    for (k, n) in expected {
        assert_eq!(counts.get(k).copied(), Some(n), "pillar {k}");
    }
    assert_eq!(p.tasks.len(), 59);
    let keys: Vec<&str> = p.pillars.iter().map(|x| x.key.as_str()).collect();
    assert_eq!(keys, expected.map(|(k, _)| k));
    assert_eq!(p.targets.len(), 9);
    assert!(p.validate().is_ok());
}

#[test]
fn numbering_keeps_the_documents_gaps() {
    let p = plan();
    let ids: Vec<&str> = p
        .tasks
        .iter()
        .filter(|t| t.pillar == "institutions")
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids, ["II.1", "II.2", "II.3", "II.4", "II.6", "II.7"]);
    assert_eq!(p.tasks.first().map(|t| t.id.as_str()), Some("I.1"));
    assert_eq!(p.tasks.last().map(|t| t.id.as_str()), Some("P.9"));
    let iii: Vec<String> = (1..=14).map(|n| format!("III.{n}")).collect();
    for id in &iii {
        assert!(p.task(id).is_some(), "{id}");
    }
}

#[test]
fn sample_tasks_match_the_source_field_by_field() {
    let p = plan();
    let t = p.task("IV.1").expect("IV.1");
    assert_eq!(
        t.title,
        "Số hóa, phát triển, làm giàu dữ liệu số, cập nhật và vận hành hiệu quả các cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành"
    );
    assert_eq!(t.timeframe, "Thường xuyên");
    assert_eq!(
        t.lead,
        [
            "Tổng cục THADS",
            "Cục HTQTCT",
            "Cục TGPL",
            "Cục KTVBQPPL",
            "Trung tâm LLTP"
        ]
    );
    assert_eq!(t.support, ["Các đơn vị thuộc Bộ"]);
    assert_eq!(t.funding.as_deref(), Some("Ngân sách Nhà nước"));

    let t = p.task("III.3").expect("III.3");
    assert_eq!(t.title, "Thuê Phần mềm Quản lý cán bộ");
    assert_eq!(t.timeframe, "Quý I- II/2025");
    assert_eq!(t.lead, ["Cục CNTT"]);
    assert_eq!(t.support, ["Vụ TCCB"]);

    let t = p.task("I.1").expect("I.1");
    assert!(t.support.is_empty());
    assert_eq!(t.funding.as_deref(), Some("Không sử dụng kinh phí"));

    let t = p.task("III.2").expect("III.2");
    assert_eq!(t.funding, None, "empty funding cell");

    let t = p.task("IV.2").expect("IV.2");
    assert_eq!(
        t.lead,
        ["Các đơn vị thuộc Bộ có cung cấp dịch vụ công trực tuyến"]
    );
    assert_eq!(t.support, ["Văn phòng Bộ", "Cục CNTT"]);

    let t = p.task("IX.1").expect("IX.1");
    assert_eq!(t.lead, ["Cục CNTT", "Báo PLVN", "Tạp chí DCPL"]);
    assert_eq!(t.support, ["Văn phòng Bộ", "Cục PBGDPL"]);

    let t = p.task("P.4").expect("P.4");
    assert_eq!(
        t.title,
        "Thực hiện nhiệm vụ chuẩn bị đầu tư cho dự án “Chuyển đổi số trong lĩnh vực thi hành án dân sự”"
    );
    assert_eq!(t.support, ["Cục KHTC", "Cục CNTT"]);
    assert_eq!(t.pillar, "projects");

    let t = p.task("P.9").expect("P.9");
    assert_eq!(t.timeframe, "Năm 2024 - 2027");
    assert_eq!(t.lead, ["Cục TGPL"]);

    let t = p.task("I.4").expect("I.4");
    assert_eq!(t.timeframe, "Theo Kế hoạch hoạt động của Ban Chỉ đạo");
    assert_eq!(t.support, ["Văn phòng Bộ"]);
}

#[test]
fn targets_carry_the_2024_figures_part_one_gives() {
    let p = plan();
    let t2 = p.targets.iter().find(|k| k.id == "T.2").expect("T.2");
    assert!((t2.target - 85.0).abs() < 1e-9);
    assert_eq!(t2.baseline, Some(78.28));
    let t8 = p.targets.iter().find(|k| k.id == "T.8").expect("T.8");
    assert_eq!(t8.baseline, Some(58.0));
    let t3 = p.targets.iter().find(|k| k.id == "T.3").expect("T.3");
    assert_eq!(t3.baseline, None);
}

#[test]
fn all_text_is_nfc_and_every_timeframe_is_read() {
    let p = plan();
    for t in &p.tasks {
        for s in [&t.title, &t.timeframe]
            .into_iter()
            .chain(&t.lead)
            .chain(&t.support)
        {
            assert_eq!(*s, nfc(s), "{} is not NFC", t.id);
        }
        assert_ne!(
            read_timeframe(&t.timeframe, p.year),
            TimeframeReading::Unreadable,
            "{}: {}",
            t.id,
            t.timeframe
        );
    }
    assert!(steerdeck::plan::timeframe_warnings(&p, "plan").is_empty());
}

#[test]
fn every_unit_in_the_plan_is_in_the_registry() {
    let p = plan();
    let r = UnitRegistry::embedded().expect("embedded registry");
    for t in &p.tasks {
        for u in t.lead.iter().chain(&t.support) {
            assert!(
                r.resolve(u).is_some(),
                "{}: unit '{u}' is not in data/units.toml",
                t.id
            );
        }
    }
    // Abbreviated and full spellings resolve to one unit.
    let a = r.resolve("Tổng cục THADS").expect("abbr");
    let b = r.resolve("Tổng cục Thi hành án dân sự").expect("full");
    assert_eq!(a.key, b.key);
    let a = r.resolve("Cục BTTP").expect("abbr");
    let b = r.resolve("Cục Bổ trợ tư pháp").expect("full");
    assert_eq!(a.key, b.key);
}
