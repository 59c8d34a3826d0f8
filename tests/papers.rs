//! The conclusion notice and the progress report, read back: the Markdown against a snapshot,
//! the .docx unzipped and its `word/document.xml` searched for what the paper must say.

mod papers_support;

use std::io::Read;

use papers_support::{as_of, mock};
use steerdeck::export::minutes::{NoticeInput, notice};
use steerdeck::export::{docx, markdown};
use steerdeck::i18n::Lang;
use steerdeck::i18n::papers::Letterhead;

fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    xml
}

fn the_notice(lang: Lang) -> steerdeck::export::paper::Paper {
    let m = mock();
    let lh = Letterhead::default_for(lang);
    let meeting = m.desk.meeting("H1").expect("meeting");
    notice(&NoticeInput {
        plan: &m.plan,
        tasks: &m.tasks,
        registry: &m.registry,
        desk: &m.desk,
        meeting,
        letterhead: &lh,
        issued: as_of(),
        lang,
    })
}

#[test]
fn the_notice_in_markdown() {
    let md = markdown::render(&the_notice(Lang::Vi));
    insta::assert_snapshot!(md);
}

#[test]
fn the_vietnamese_notice_has_no_english_words_of_its_own() {
    let md = markdown::render(&the_notice(Lang::Vi));
    for en in [
        "NOTICE",
        "Lead:",
        "Supporting",
        "Deadline",
        "To:",
        "On task",
        "concluded",
        "File:",
    ] {
        assert!(!md.contains(en), "{en} in {md}");
    }
}

#[test]
fn the_notice_in_english_says_no_vietnamese_words_of_its_own() {
    let md = markdown::render(&the_notice(Lang::En));
    assert!(md.contains("NOTICE"), "{md}");
    assert!(md.contains("Hanoi, 15 July 2025"), "{md}");
    for vi in [
        "THÔNG BÁO",
        "Nơi nhận",
        "kết luận như sau",
        "Đơn vị chủ trì",
        "Thời hạn",
    ] {
        assert!(!md.contains(vi), "{vi} in {md}");
    }
}

#[test]
fn the_notice_as_docx_says_what_it_must() {
    let bytes = docx::render(&the_notice(Lang::Vi)).expect("docx");
    let xml = document_xml(&bytes);
    for want in [
        "BỘ TƯ PHÁP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: …/TB-BTP",
        "Hà Nội, ngày 15 tháng 7 năm 2025",
        "THÔNG BÁO",
        "Kết luận của Thứ trưởng Nguyễn Văn An tại cuộc họp Ban Chỉ đạo chuyển đổi số",
        "kết luận như sau:",
        "I. ĐÁNH GIÁ CHUNG",
        "II. NHIỆM VỤ THỜI GIAN TỚI",
        // The conclusions, item by item, and the tasks assigned with their units and deadlines.
        "Cục CNTT khẩn trương hoàn thành việc thuê phần mềm",
        "Giao Cục KHTC đề xuất phương án kinh phí.",
        "Đơn vị chủ trì: Cục Công nghệ thông tin; đơn vị phối hợp: Vụ Tổ chức cán bộ; thời hạn: Quý III/2025.",
        "Đơn vị chủ trì: Cục Kế hoạch - Tài chính; thời hạn: Trước 30/8/2025.",
        "Nơi nhận:",
        "- Lưu: VT, CNTT.",
        "KT. BỘ TRƯỞNG",
        "Times New Roman",
    ] {
        assert!(xml.contains(want), "missing {want:?}");
    }
    // No control character from a conclusion reaches the paper.
    assert!(!xml.contains('\u{1b}'));
    // A4, margins 30 mm left and 15 mm right.
    assert!(xml.contains("w:w=\"11906\""), "A4 width");
    assert!(xml.contains("w:left=\"1710\""), "left margin");
    // The item without a conclusion or task (I.2) is not in the notice.
    assert!(!xml.contains("Về nhiệm vụ I.2"));
}

#[test]
fn the_assessment_counts_are_the_summary_counts() {
    let m = mock();
    let own = steerdeck::export::minutes::plan_tasks(&m.tasks);
    let s = steerdeck::domain::summary::Summary::of(&m.plan, &own, &m.registry, as_of());
    let sentence = steerdeck::i18n::tally::sentence(Lang::Vi, &s.overall);
    let md = markdown::render(&the_notice(Lang::Vi));
    assert!(md.contains(&sentence), "{sentence}\n{md}");
    assert!(
        sentence.starts_with("đã hoàn thành 2/58 nhiệm vụ (3,4%), trong đó đúng hạn 1, quá hạn 1"),
        "{sentence}"
    );
}
