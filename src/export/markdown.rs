//! A [`Paper`] as Markdown: the same content as the Word version, for e-mail, a wiki or review
//! before the .docx is signed.

use super::paper::{Block, Paper};

/// Markdown's special characters escaped, so data cannot make a heading, a link or a table cell.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '|' | '<' | '>' | '[' | ']' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The paper as Markdown text.
pub fn render(paper: &Paper) -> String {
    let mut out = String::new();
    for block in &paper.blocks {
        match block {
            Block::Head(h) => {
                let issuer = match &h.parent {
                    Some(p) => format!("{}<br>**{}**", esc(p), esc(&h.issuer)),
                    None => format!("**{}**", esc(&h.issuer)),
                };
                out.push_str(&format!("| {issuer} | **{}** |\n", esc(&h.motto)));
                out.push_str("| :---: | :---: |\n");
                out.push_str(&format!(
                    "| {} | **{}** |\n",
                    esc(&h.number),
                    esc(&h.motto_line)
                ));
                out.push_str(&format!("|  | *{}* |\n\n", esc(&h.place_date)));
            }
            Block::Kind(k) => out.push_str(&format!("## {}\n\n", esc(k))),
            Block::Summary(s) => out.push_str(&format!("**{}**\n\n", esc(s))),
            Block::Heading(t) => out.push_str(&format!("### {}\n\n", esc(t))),
            Block::Subheading(t) => out.push_str(&format!("***{}***\n\n", esc(t))),
            Block::Para(t) => out.push_str(&format!("{}\n\n", esc(t))),
            Block::Table { headers, rows } => {
                let line = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| esc(c)).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&line(headers));
                out.push_str(&format!("|{}\n", " --- |".repeat(headers.len())));
                for r in rows {
                    out.push_str(&line(r));
                }
                out.push('\n');
            }
            Block::Closing(c) => {
                out.push_str(&format!("***{}***\n\n", esc(&c.recipients_label)));
                for r in &c.recipients {
                    out.push_str(&format!("{}  \n", esc(r)));
                }
                out.push('\n');
                for t in &c.signer_title {
                    out.push_str(&format!("**{}**  \n", esc(t)));
                }
                out.push_str(&format!("\n\n**{}**\n", esc(&c.signer_name)));
            }
        }
    }
    out
}
