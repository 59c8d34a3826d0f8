//! A [`Paper`] as a Word document laid out the way Nghị định 30/2020/NĐ-CP (Phụ lục I) lays out
//! administrative documents: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New
//! Roman; the issuer and the motto side by side in a two-column head; body 14 pt, justified, the
//! first line indented 1.27 cm, 6 pt between paragraphs; "Nơi nhận:" 12 pt bold italic with its
//! lines in 11 pt beside the signer's title and name in 14 pt bold.

use docx_rs::{
    AlignmentType, BorderType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableCellBorder, TableCellBorderPosition,
    TableCellBorders, TableRow, WidthType,
};

use super::paper::{Block, Closing, Head, Paper};

const FONT: &str = "Times New Roman";
/// Sizes in half-points, as Word counts them.
const BODY: usize = 28;
const HEAD: usize = 26;
const SMALL: usize = 24;
const TINY: usize = 22;
/// Tables of many columns: 10 pt.
const NARROW: usize = 20;
/// A4 in twentieths of a point; the text between the margins is 9 355 wide.
const A4: (u32, u32) = (11906, 16838);
const TEXT_WIDTH: usize = 9355;
const MM: i32 = 57; // twips in a millimetre (56.7)

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size).fonts(fonts())
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    // 240 = single line; 6 pt = 120.
    LineSpacing::new().before(before).after(after).line(276)
}

fn centred(r: Run) -> Paragraph {
    Paragraph::new()
        .add_run(r)
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0).line(240))
}

fn no_borders() -> TableCellBorders {
    TableCellBorders::with_empty()
        .set(TableCellBorder::new(TableCellBorderPosition::Top).border_type(BorderType::Nil))
        .set(TableCellBorder::new(TableCellBorderPosition::Bottom).border_type(BorderType::Nil))
        .set(TableCellBorder::new(TableCellBorderPosition::Left).border_type(BorderType::Nil))
        .set(TableCellBorder::new(TableCellBorderPosition::Right).border_type(BorderType::Nil))
}

fn plain_cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .set_borders(no_borders());
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

fn two_columns(left: usize, l: Vec<Paragraph>, r: Vec<Paragraph>) -> Table {
    let right = TEXT_WIDTH - left;
    Table::without_borders(vec![TableRow::new(vec![
        plain_cell(left, l),
        plain_cell(right, r),
    ])])
    .set_grid(vec![left, right])
    .width(TEXT_WIDTH, WidthType::Dxa)
}

fn head(h: &Head) -> Table {
    let mut left = Vec::new();
    if let Some(p) = &h.parent {
        left.push(centred(run(p, HEAD)));
    }
    left.push(centred(run(&h.issuer, HEAD).bold()));
    // The short rule under the issuer.
    left.push(centred(run("________", HEAD)));
    left.push(centred(run("", HEAD)));
    left.push(centred(run(&h.number, HEAD)));
    let right = vec![
        centred(run(&h.motto, SMALL).bold()),
        // The rule as long as the motto line: the line underlined.
        centred(run(&h.motto_line, BODY).bold().underline("single")),
        centred(run("", HEAD)),
        centred(run(&h.place_date, BODY).italic()),
    ];
    two_columns(3400, left, right)
}

fn closing(c: &Closing) -> Table {
    let mut left = vec![
        Paragraph::new()
            .add_run(run(&c.recipients_label, SMALL).bold().italic())
            .line_spacing(spacing(240, 0)),
    ];
    for r in &c.recipients {
        left.push(
            Paragraph::new()
                .add_run(run(r, TINY))
                .line_spacing(LineSpacing::new().before(0).after(0).line(240)),
        );
    }
    let mut right: Vec<Paragraph> = c
        .signer_title
        .iter()
        .map(|t| centred(run(t, BODY).bold()))
        .collect();
    if let Some(first) = right.first_mut() {
        *first = first.clone().line_spacing(spacing(240, 0));
    }
    for _ in 0..4 {
        right.push(centred(run("", BODY)));
    }
    right.push(centred(run(&c.signer_name, BODY).bold()));
    two_columns(4600, left, right)
}

/// Column widths that fit: each column at least as wide as its longest word (a header wraps
/// between words, never inside one), the room left shared by how much more each would take to
/// show its longest text on one line.
fn column_widths(headers: &[String], rows: &[Vec<String>], n: usize, size: usize) -> Vec<usize> {
    // About 120 twips a character at 12 pt (140 bold), and the cell's margins; in proportion
    // at other sizes (`size` in half-points).
    let scale = |twips: usize| twips * size / SMALL;
    let pad = scale(260);
    let column = |i: usize| {
        let cells = rows.iter().filter_map(|r| r.get(i));
        let word = |t: &String| {
            t.split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        };
        let header = headers.get(i).map_or(0, word);
        let least =
            scale((header * 165).max(cells.clone().map(word).max().unwrap_or(0) * 140)) + pad;
        let most = scale(
            cells
                .map(|t| t.chars().count().min(70) * 120)
                .max()
                .unwrap_or(0),
        ) + pad;
        (least, most.max(least))
    };
    let cols: Vec<(usize, usize)> = (0..n).map(column).collect();
    let least: usize = cols.iter().map(|c| c.0).sum();
    if least >= TEXT_WIDTH {
        return cols
            .iter()
            .map(|c| c.0 * TEXT_WIDTH / least.max(1))
            .collect();
    }
    let room = TEXT_WIDTH - least;
    let wants: usize = cols.iter().map(|c| c.1 - c.0).sum();
    cols.iter()
        .map(|(l, m)| {
            (room * (m - l))
                .checked_div(wants)
                .map_or(l + room / n, |more| l + more)
        })
        .collect()
}

fn grid_table(headers: &[String], rows: &[Vec<String>]) -> Table {
    let n = headers.len().max(1);
    // A table of many columns (the counts in every category) in a smaller type, so that its
    // words fit their columns on an A4 page.
    let size = if n > 8 { NARROW } else { SMALL };
    let widths = column_widths(headers, rows, n, size);
    let cell = |text: &str, i: usize, bold: bool| {
        let mut r = run(text, size);
        if bold {
            r = r.bold();
        }
        let align = if widths.get(i).is_some_and(|w| *w > 1600) {
            AlignmentType::Left
        } else {
            AlignmentType::Center
        };
        TableCell::new()
            .width(widths[i.min(n - 1)], WidthType::Dxa)
            .add_paragraph(
                Paragraph::new()
                    .add_run(r)
                    .align(align)
                    .line_spacing(LineSpacing::new().before(40).after(40).line(240)),
            )
    };
    let mut table_rows = vec![TableRow::new(
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| cell(h, i, true))
            .collect(),
    )];
    for r in rows {
        table_rows.push(TableRow::new(
            r.iter()
                .enumerate()
                .map(|(i, c)| cell(c, i, false))
                .collect(),
        ));
    }
    Table::new(table_rows)
        .set_grid(widths.clone())
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// The paper as the bytes of a .docx file.
pub fn render(paper: &Paper) -> Result<Vec<u8>, String> {
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: 20 * MM,
            left: 30 * MM,
            bottom: 20 * MM,
            right: 15 * MM,
            header: 10 * MM,
            footer: 10 * MM,
            gutter: 0,
        })
        .default_fonts(fonts())
        .default_size(BODY);
    for block in &paper.blocks {
        doc = match block {
            Block::Head(h) => doc.add_table(head(h)),
            Block::Kind(k) => {
                doc.add_paragraph(centred(run(k, BODY).bold()).line_spacing(spacing(360, 0)))
            }
            Block::Summary(s) => {
                doc.add_paragraph(centred(run(s, BODY).bold()).line_spacing(spacing(0, 240)))
            }
            Block::Heading(t) => doc.add_paragraph(
                Paragraph::new()
                    .add_run(run(t, BODY).bold())
                    .align(AlignmentType::Both)
                    .indent(None, Some(SpecialIndentType::FirstLine(720)), None, None)
                    .line_spacing(spacing(120, 0))
                    .keep_next(true),
            ),
            Block::Subheading(t) => doc.add_paragraph(
                Paragraph::new()
                    .add_run(run(t, BODY).bold().italic())
                    .align(AlignmentType::Both)
                    .indent(None, Some(SpecialIndentType::FirstLine(720)), None, None)
                    .line_spacing(spacing(120, 0))
                    .keep_next(true),
            ),
            Block::Para(t) => doc.add_paragraph(
                Paragraph::new()
                    .add_run(run(t, BODY))
                    .align(AlignmentType::Both)
                    .indent(None, Some(SpecialIndentType::FirstLine(720)), None, None)
                    .line_spacing(spacing(120, 0)),
            ),
            Block::Table { headers, rows } => doc
                .add_table(grid_table(headers, rows))
                .add_paragraph(Paragraph::new().add_run(run("", SMALL))),
            Block::Closing(c) => doc.add_table(closing(c)),
        };
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf.into_inner())
}
