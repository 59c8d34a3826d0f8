//! The papers menu (`E`): the conclusion notice of the latest meeting, the status workbook or the
//! progress report, drafted by the builders of `export` from what the screen holds and written
//! into the directory steerdeck was started in — under a name no file has, whole or not at all.
//! The status line says where the file went.

use std::path::PathBuf;

use super::{App, Mode, Tone};
use crate::action::Action;
use crate::export::{docx, file, markdown, minutes, report, workbook};
use crate::i18n::papers::{Letterhead, Refusal, W, refusal, word, written};

/// A paper the menu writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    /// The latest meeting's conclusion notice, as .docx.
    NoticeDocx,
    /// The same, as Markdown.
    NoticeMd,
    /// The status workbook (.xlsx).
    Workbook,
    /// The progress report, as .docx.
    ReportDocx,
    /// The same, as Markdown.
    ReportMd,
}

impl Paper {
    /// The menu's lines, in order.
    pub const ALL: [Paper; 5] = [
        Paper::NoticeDocx,
        Paper::NoticeMd,
        Paper::Workbook,
        Paper::ReportDocx,
        Paper::ReportMd,
    ];

    fn ext(self) -> &'static str {
        match self {
            Paper::NoticeDocx | Paper::ReportDocx => "docx",
            Paper::NoticeMd | Paper::ReportMd => "md",
            Paper::Workbook => "xlsx",
        }
    }

    fn what(self) -> W {
        match self {
            Paper::NoticeDocx | Paper::NoticeMd => W::MenuNotice,
            Paper::Workbook => W::MenuWorkbook,
            Paper::ReportDocx | Paper::ReportMd => W::MenuReport,
        }
    }
}

/// The menu's state.
#[derive(Debug, Clone)]
pub struct ExportMenu {
    /// The chosen line.
    pub cursor: usize,
    /// Where files are written.
    pub dir: PathBuf,
}

impl Default for ExportMenu {
    fn default() -> Self {
        ExportMenu {
            cursor: 0,
            dir: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        }
    }
}

impl App {
    /// The papers menu's lines (in the interface language), the chosen one, and where files go.
    pub fn export_menu(&self) -> (Vec<String>, usize, String) {
        let lang = self.cfg.lang;
        let lines = Paper::ALL
            .iter()
            .map(|p| format!("{} (.{})", word(lang, p.what()), p.ext()))
            .collect();
        let dir = format!("{} {}", word(lang, W::MenuWhere), self.export.dir.display());
        (lines, self.export.cursor, dir)
    }

    /// Writes papers into `dir` instead of the directory steerdeck was started in.
    pub fn set_export_dir(&mut self, dir: PathBuf) {
        self.export.dir = dir;
    }

    pub(super) fn open_export(&mut self) {
        self.mode = Mode::Export;
    }

    pub(super) fn update_export(&mut self, action: Action) {
        let n = Paper::ALL.len();
        match action {
            Action::MoveDown => self.export.cursor = (self.export.cursor + 1) % n,
            Action::MoveUp => self.export.cursor = (self.export.cursor + n - 1) % n,
            Action::Back => self.mode = Mode::Normal,
            Action::Help => self.open_help(),
            Action::Confirm => {
                let paper = Paper::ALL[self.export.cursor.min(n - 1)];
                match self.write_paper(paper) {
                    Ok(path) => {
                        let said = written(self.cfg.lang, &path.display().to_string());
                        self.say(Tone::Info, said);
                        self.mode = Mode::Normal;
                    }
                    Err(why) => self.say(Tone::Error, why),
                }
            }
            _ => {}
        }
    }

    fn letterhead(&self) -> Result<Letterhead, String> {
        let lang = self.cfg.lang;
        crate::config::Config::load(crate::config::config_path().as_deref())
            .map(|c| c.papers.unwrap_or_default().letterhead(lang))
            .map_err(|e| e.in_lang(lang))
    }

    /// What changed since the last meeting closed, as `steerdeck changes` counts it, with the
    /// day the list starts.
    fn changes_since_last(
        &self,
    ) -> Result<(Option<chrono::NaiveDate>, Vec<crate::store::Event>), String> {
        let Some(from) = self.desk.since(None, self.cfg.as_of) else {
            return Ok((None, Vec::new()));
        };
        let events = self
            .store
            .history_after(&self.cfg.plan_name, from.after)
            .map_err(|e| crate::i18n::errors::store(self.cfg.lang, &e))?;
        Ok((Some(from.day), from.changes(events, self.cfg.zone)))
    }

    fn paper_bytes(&self, paper: Paper) -> Result<(String, Vec<u8>), String> {
        let lang = self.cfg.lang;
        let day = self.cfg.as_of.format("%Y-%m-%d");
        let tasks = self.index.tasks();
        let build = |e: String| refusal(lang, &Refusal::Build(e));
        let lh = self.letterhead()?;
        let doc = |p: &crate::export::paper::Paper| -> Result<Vec<u8>, String> {
            if paper.ext() == "docx" {
                docx::render(p).map_err(build)
            } else {
                Ok(markdown::render(p).into_bytes())
            }
        };
        match paper {
            Paper::NoticeDocx | Paper::NoticeMd => {
                let m = self
                    .desk
                    .latest()
                    .ok_or_else(|| refusal(lang, &Refusal::NoMeeting))?;
                let p = minutes::notice(&minutes::NoticeInput {
                    plan: &self.plan,
                    tasks,
                    registry: &self.cfg.registry,
                    desk: &self.desk,
                    meeting: m,
                    letterhead: &lh,
                    issued: self.cfg.as_of,
                    lang,
                });
                Ok((stem(lang, W::MenuNotice, &m.id, &day.to_string()), doc(&p)?))
            }
            Paper::Workbook | Paper::ReportDocx | Paper::ReportMd => {
                let (since, changes) = self.changes_since_last()?;
                let name = stem(lang, paper.what(), "", &day.to_string());
                if paper == Paper::Workbook {
                    let bytes = workbook::workbook(&workbook::WorkbookInput {
                        plan: &self.plan,
                        tasks,
                        registry: &self.cfg.registry,
                        desk: &self.desk,
                        as_of: self.cfg.as_of,
                        since,
                        changes: &changes,
                        zone: self.cfg.zone,
                        lang,
                    })
                    .map_err(build)?;
                    return Ok((name, bytes));
                }
                let p = report::report(&report::ReportInput {
                    plan: &self.plan,
                    tasks,
                    registry: &self.cfg.registry,
                    desk: &self.desk,
                    letterhead: &lh,
                    as_of: self.cfg.as_of,
                    since,
                    changes: &changes,
                    zone: self.cfg.zone,
                    lang,
                });
                Ok((name, doc(&p)?))
            }
        }
    }

    /// Builds the paper and writes it under a name no file has; the path written.
    fn write_paper(&self, paper: Paper) -> Result<PathBuf, String> {
        let (name, bytes) = self.paper_bytes(paper)?;
        let lang = self.cfg.lang;
        // Another program may take the name between the look and the write: then the next one.
        for _ in 0..3 {
            let path = file::free_name(&self.export.dir, &name, paper.ext());
            match file::write_new(&path, &bytes, false) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => {
                    return Err(format!(
                        "{}: {}",
                        path.display(),
                        refusal(lang, &Refusal::Build(e.to_string()))
                    ));
                }
            }
        }
        Err(refusal(
            lang,
            &Refusal::Exists(self.export.dir.display().to_string()),
        ))
    }
}

/// A file name for a paper: "thong-bao-ket-luan-H1-2025-07-15" (vi), "notice-H1-2025-07-15".
fn stem(lang: crate::i18n::Lang, what: W, meeting: &str, day: &str) -> String {
    let base = crate::i18n::papers::file_stem(lang, what);
    if meeting.is_empty() {
        format!("{base}-{day}")
    } else {
        format!("{base}-{meeting}-{day}")
    }
}
