//! The summary sheet: the counts per pillar as a table and a chart, the rate, the targets.

use rust_xlsxwriter::{Chart, ChartType, Worksheet};

use super::{
    COUNTS_HEADER_ROW, Formats, Result, WorkbookInput, clean, f, fit, headers, n16, n32,
    print_setup,
};
use crate::domain::summary::Summary;
use crate::domain::target::{latest, standing};
use crate::domain::{Tally, Timeliness};
use crate::i18n::format as vf;
use crate::i18n::papers::{W, word};

pub(super) fn summary_sheet(
    ws: &mut Worksheet,
    name: &str,
    input: &WorkbookInput,
    fm: &Formats,
) -> Result<()> {
    let lang = input.lang;
    ws.write_string_with_format(0, 0, clean(&input.plan.title), &fm.bold)?;
    ws.write_string(1, 0, lang.t(crate::i18n::Msg::AsOf))?;
    ws.write_datetime_with_format(1, 1, input.as_of, &fm.date)?;
    let mut names: Vec<&str> = vec![word(lang, W::Pillar)];
    names.extend(Timeliness::ALL.iter().map(|t| lang.timeliness(*t)));
    names.push(word(lang, W::Total));
    names.push(word(lang, W::Rate));
    let mut widths = vec![48.0];
    widths.extend(std::iter::repeat_n(13.0, names.len() - 1));
    let top = COUNTS_HEADER_ROW;
    headers(ws, top, &names, &widths, fm)?;
    ws.set_row_height(top, 64)?;
    let summary = Summary::of(input.plan, input.tasks, input.registry, input.as_of);
    let mut row = top + 1;
    let put = |ws: &mut Worksheet, label: String, t: &Tally, row: u32| -> Result<()> {
        fit(ws, row, &[(&label, 48.0)])?;
        ws.write_string_with_format(row, 0, clean(&label), &fm.wrap)?;
        for (c, cat) in Timeliness::ALL.iter().enumerate() {
            ws.write_number_with_format(row, n16(c + 1), f(t.get(*cat)), &fm.count)?;
        }
        let last = n16(Timeliness::ALL.len() + 1);
        ws.write_number_with_format(row, last, f(t.total()), &fm.count)?;
        match t.rate() {
            Some(r) => ws.write_number_with_format(row, last + 1, r / 100.0, &fm.percent)?,
            None => ws.write_blank(row, last + 1, &fm.percent)?,
        };
        Ok(())
    };
    for g in &summary.pillars {
        let label = input
            .plan
            .pillar(&g.key)
            .map_or_else(|| g.key.clone(), |p| vf::pillar_label(lang, p));
        put(ws, label, &g.tally, row)?;
        row += 1;
    }
    let last_pillar = row - 1;
    put(ws, word(lang, W::Total).to_string(), &summary.overall, row)?;
    row += 2;
    ws.write_string(row, 0, word(lang, W::Formula))?;
    // The chart: the categories stacked per pillar (cancelled left out), beside the table.
    let mut chart = Chart::new(ChartType::BarStacked);
    for c in 1..Timeliness::ALL.len() {
        chart
            .add_series()
            .set_name((name, top, n16(c)))
            .set_categories((name, top + 1, 0, last_pillar, 0))
            .set_values((name, top + 1, n16(c), last_pillar, n16(c)));
    }
    chart.title().set_name(word(lang, W::ByPillar));
    chart.set_width(900).set_height(420);
    ws.insert_chart(row + 2, 0, &chart)?;
    print_setup(ws, None)?;
    targets(ws, row + 25, input, fm)
}

fn targets(ws: &mut Worksheet, top: u32, input: &WorkbookInput, fm: &Formats) -> Result<()> {
    let lang = input.lang;
    // Under the counts table's columns: the target's words in the wide first column.
    let names = [
        word(lang, W::Target),
        word(lang, W::Value),
        word(lang, W::LastYear),
        word(lang, W::Latest),
        word(lang, W::MeasuredOn),
        word(lang, W::Standing),
    ];
    headers(ws, top, &names, &[], fm)?;
    for (i, k) in input.plan.targets.iter().enumerate() {
        let row = top + 1 + n32(i);
        let readings = input
            .desk
            .readings
            .get(&k.id)
            .map_or(&[][..], Vec::as_slice);
        let what = clean(&format!("{}. {}", k.id, k.title));
        fit(ws, row, &[(&what, 48.0)])?;
        ws.write_string_with_format(row, 0, what, &fm.wrap)?;
        ws.write_number_with_format(row, 1, k.target / 100.0, &fm.exact_percent)?;
        match k.baseline {
            Some(b) => ws.write_number_with_format(row, 2, b / 100.0, &fm.exact_percent)?,
            None => ws.write_blank(row, 2, &fm.exact_percent)?,
        };
        match latest(readings) {
            Some(r) => {
                ws.write_number_with_format(row, 3, r.value / 100.0, &fm.exact_percent)?;
                ws.write_datetime_with_format(row, 4, r.as_of, &fm.date)?
            }
            None => ws
                .write_blank(row, 3, &fm.exact_percent)?
                .write_blank(row, 4, &fm.date)?,
        };
        let s = standing(k, readings, input.plan.year);
        ws.write_string_with_format(row, 5, crate::i18n::meeting::standing(lang, s), &fm.wrap)?;
    }
    Ok(())
}
