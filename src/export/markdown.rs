//! A [`Paper`] as Markdown: the same content as the Word version, for e-mail, a wiki or review
//! before the .docx is signed.

use std::fmt::Write as _;

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
                let _ = writeln!(out, "| {issuer} | **{}** |", esc(&h.motto));
                out.push_str("| :---: | :---: |\n");
                let _ = writeln!(out, "| {} | **{}** |", esc(&h.number), esc(&h.motto_line));
                let _ = write!(out, "|  | *{}* |\n\n", esc(&h.place_date));
            }
            Block::Kind(k) => {
                let _ = write!(out, "## {}\n\n", esc(k));
            }
            Block::Summary(s) => {
                let _ = write!(out, "**{}**\n\n", esc(s));
            }
            Block::Heading(t) => {
                let _ = write!(out, "### {}\n\n", esc(t));
            }
            Block::Subheading(t) => {
                let _ = write!(out, "***{}***\n\n", esc(t));
            }
            Block::Para(t) => {
                let _ = write!(out, "{}\n\n", esc(t));
            }
            Block::Table { headers, rows } => {
                let line = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| esc(c)).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&line(headers));
                let _ = writeln!(out, "|{}", " --- |".repeat(headers.len()));
                for r in rows {
                    out.push_str(&line(r));
                }
                out.push('\n');
            }
            Block::Closing(c) => {
                let _ = write!(out, "***{}***\n\n", esc(&c.recipients_label));
                for r in &c.recipients {
                    let _ = writeln!(out, "{}  ", esc(r));
                }
                out.push('\n');
                for t in &c.signer_title {
                    let _ = writeln!(out, "**{}**  ", esc(t));
                }
                // The name is left for the signer to write when the paper names no one.
                if !c.signer_name.is_empty() {
                    let _ = writeln!(out, "\n\n**{}**", esc(&c.signer_name));
                }
            }
        }
    }
    out
}
