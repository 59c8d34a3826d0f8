//! Why `export` writes nothing, and where it wrote a paper, in either language.

use crate::i18n::Lang;

/// Why `export` writes nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The file is there and `--force` was not given.
    Exists(String),
    /// A binary format asked for standard output.
    NeedsOut(&'static str),
    /// This kind is not written in this format: the kind, the format, the formats it has.
    Format(&'static str, &'static str, String),
    /// The plan has no meeting yet.
    NoMeeting,
    /// No meeting has this id.
    NoSuchMeeting(String),
    /// The paper could not be made (a defect of a writer library): why.
    Build(String),
}

/// The sentence of a refusal.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    match (lang, r) {
        (Lang::Vi, Refusal::Exists(p)) => {
            format!("{p}: tệp đã có; không ghi đè (thêm --force để ghi đè)")
        }
        (Lang::En, Refusal::Exists(p)) => {
            format!("{p}: the file exists; not overwritten (add --force to replace it)")
        }
        (Lang::Vi, Refusal::NeedsOut(f)) => {
            format!("định dạng {f} không in ra màn hình được: hãy ghi ra tệp bằng --out TỆP")
        }
        (Lang::En, Refusal::NeedsOut(f)) => {
            format!("{f} cannot go to the terminal: write it to a file with --out FILE")
        }
        (Lang::Vi, Refusal::Format(k, f, ok)) => {
            format!("`export {k}` không xuất được định dạng {f}; các định dạng được: {ok}")
        }
        (Lang::En, Refusal::Format(k, f, ok)) => {
            format!("`export {k}` does not write {f}; it writes {ok}")
        }
        (Lang::Vi, Refusal::NoMeeting) => {
            "kế hoạch chưa có cuộc họp nào: chưa có gì để thông báo kết luận".into()
        }
        (Lang::En, Refusal::NoMeeting) => {
            "the plan has no meeting yet: there is no conclusion to give notice of".into()
        }
        (Lang::Vi, Refusal::NoSuchMeeting(m)) => format!("không có cuộc họp {m}"),
        (Lang::En, Refusal::NoSuchMeeting(m)) => format!("there is no meeting {m}"),
        (Lang::Vi, Refusal::Build(e)) => format!("không tạo được văn bản: {e}"),
        (Lang::En, Refusal::Build(e)) => format!("the paper could not be made: {e}"),
    }
}

/// What `export` says when a paper is written: where it went.
pub fn written(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Vi => format!("Đã ghi {path}"),
        Lang::En => format!("Written to {path}"),
    }
}
