//! A paper as blocks — the head of an administrative document, headings, paragraphs, tables, the
//! recipients and the signature — that [`super::markdown`] and [`super::docx`] both lay out, so
//! the Markdown and the Word version of a paper say the same thing.
//!
//! Every text that comes from data goes through [`clean`] when the block is made: no control or
//! hidden character reaches a paper.

use super::sanitize::is_hidden_or_control;

/// The head of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): the issuer and
/// the number on the left, the national motto and the place and date on the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The body above the issuer, if any.
    pub parent: Option<String>,
    /// The issuing body, upper case.
    pub issuer: String,
    /// "Số: …/TB-BTP".
    pub number: String,
    /// The motto, upper case.
    pub motto: String,
    /// "Độc lập - Tự do - Hạnh phúc".
    pub motto_line: String,
    /// "Hà Nội, ngày 15 tháng 7 năm 2025".
    pub place_date: String,
}

/// The signature block and the recipients, side by side at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    /// "Nơi nhận:".
    pub recipients_label: String,
    /// The recipients, each written "- …;", the last "- Lưu: …".
    pub recipients: Vec<String>,
    /// The signer's title, line by line, upper case.
    pub signer_title: Vec<String>,
    /// The signer's name.
    pub signer_name: String,
}

/// One block of a paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The document's head.
    Head(Head),
    /// The document type, centred, upper case, bold ("THÔNG BÁO").
    Kind(String),
    /// The summary line under it, centred, bold.
    Summary(String),
    /// A section heading, bold ("I. ĐÁNH GIÁ CHUNG").
    Heading(String),
    /// A sub-heading, bold italic.
    Subheading(String),
    /// A body paragraph, justified, first line indented.
    Para(String),
    /// A table: headers, then rows of cells.
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Recipients and signature.
    Closing(Closing),
}

/// A whole paper.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paper {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
}

impl Paper {
    /// Adds a block.
    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    /// Adds a paragraph of (cleaned) text.
    pub fn para(&mut self, text: &str) {
        self.blocks.push(Block::Para(clean(text)));
    }

    /// Adds a section heading.
    pub fn heading(&mut self, text: &str) {
        self.blocks.push(Block::Heading(clean(text)));
    }

    /// Adds a sub-heading.
    pub fn subheading(&mut self, text: &str) {
        self.blocks.push(Block::Subheading(clean(text)));
    }

    /// Adds a table, every cell cleaned.
    pub fn table(&mut self, headers: &[&str], rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            headers: headers.iter().map(|h| clean(h)).collect(),
            rows: rows
                .into_iter()
                .map(|r| r.iter().map(|c| clean(c)).collect())
                .collect(),
        });
    }
}

/// Text for a paper: control and hidden characters dropped, a line break or tab a space, runs of
/// spaces made one.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        };
        if is_hidden_or_control(c) {
            continue;
        }
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_control_reaches_a_paper() {
        assert_eq!(
            clean("Kết\u{1b}]0;x\u{7} luận\u{202e} \n\n mới\u{200b}"),
            "Kết]0;x luận mới"
        );
        assert_eq!(clean("  a\tb  "), "a b");
    }
}
