//! The figures table of samples/README.md, computed from the generated profiles themselves
//! (heap-summary `TOTALS` row, heap-flame line sums) and the measured peaks.

use std::path::Path;

use starlark::eval::ProfileData;

use crate::event_log::LoadRecord;

/// The README regions the generator rewrites: the ten cause programs and the corpus.
pub const FIGURES: &str = "figures";
pub const CORPUS_FIGURES: &str = "corpus-figures";

/// Byte totals read back from the profiler's own outputs.
#[derive(Default, Clone, Copy)]
pub struct Totals {
    /// `AllocBytes` of the `TOTALS` row, heap-summary-allocated.
    pub summary_allocated: Option<u64>,
    /// Sum of all heap-flame-allocated lines (includes root-level allocations).
    pub flame_allocated: Option<u64>,
    /// Sum of all heap-flame-retained lines.
    pub flame_retained: Option<u64>,
}

fn flame_sum(flame: &str) -> u64 {
    flame
        .lines()
        .filter_map(|l| l.rsplit_once(' ').and_then(|(_, v)| v.parse::<u64>().ok()))
        .sum()
}

/// `AllocBytes` (9th column) of the `TOTALS` row (2nd line) of a heap summary CSV.
fn totals_alloc_bytes(csv: &str) -> Option<u64> {
    csv.lines().nth(1)?.split(',').nth(8)?.parse().ok()
}

impl Totals {
    pub fn record(&mut self, mode: &str, data: &ProfileData) -> anyhow::Result<()> {
        match mode {
            "heap-summary-allocated" => self.summary_allocated = totals_alloc_bytes(&crate::output::csv(data)?),
            "heap-flame-allocated" => self.flame_allocated = crate::output::flame(data)?.map(|f| flame_sum(&f)),
            "heap-flame-retained" => self.flame_retained = crate::output::flame(data)?.map(|f| flame_sum(&f)),
            _ => {}
        }
        Ok(())
    }
}

pub struct Row {
    name: String,
    totals: Totals,
    peak: Option<u64>,
    failed: bool,
}

impl Row {
    pub fn new(name: &str, totals: Totals, record: &LoadRecord) -> Row {
        Row {
            name: name.to_owned(),
            totals,
            peak: Some(record.peak_allocated_bytes),
            failed: record.limit_error().is_some(),
        }
    }

    pub fn merged(name: &str, totals: Totals) -> Row {
        Row { name: name.to_owned(), totals, peak: None, failed: false }
    }

    /// A corpus program: its merged totals and the highest peak of its packages.
    pub fn program(name: &str, totals: Totals, peak: Option<u64>) -> Row {
        Row { name: name.to_owned(), totals, peak, failed: false }
    }
}

fn cell(v: Option<u64>) -> String {
    v.map_or("—".to_owned(), |v| v.to_string())
}

fn ratio(before: Option<u64>, after: Option<u64>) -> String {
    match (before, after) {
        (Some(b), Some(a)) if a > 0 => format!("{:.1}×", b as f64 / a as f64),
        _ => "—".to_owned(),
    }
}

/// Markdown: every program's totals.
pub fn render_totals(rows: &[Row]) -> String {
    let mut s = String::from(
        "| program | allocated bytes (heap-summary-allocated TOTALS) | allocated bytes (heap-flame-allocated sum) | retained bytes (heap-flame-retained sum) | peak bytes (event log, GC on) |\n|---|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let peak = match (r.peak, r.failed) {
            (Some(p), true) => format!("{p} (over its limit: logged as failed, peak null)"),
            (p, _) => cell(p),
        };
        s += &format!(
            "| `{}` | {} | {} | {} | {} |\n",
            r.name,
            cell(r.totals.summary_allocated),
            cell(r.totals.flame_allocated),
            cell(r.totals.flame_retained),
            peak
        );
    }
    s
}

/// Markdown: every program's totals, then before/after ratios per cause.
pub fn render(rows: &[Row]) -> String {
    let mut s = render_totals(rows);
    s += "\n| cause | allocated before | allocated after | before ÷ after | peak before | peak after | before ÷ after |\n|---|---:|---:|---:|---:|---:|---:|\n";
    for pair in rows.chunks(2).filter(|p| p.len() == 2 && p[0].name.ends_with("/before")) {
        let (b, a) = (&pair[0], &pair[1]);
        s += &format!(
            "| `{}` | {} | {} | {} | {} | {} | {} |\n",
            b.name.trim_end_matches("/before"),
            cell(b.totals.summary_allocated),
            cell(a.totals.summary_allocated),
            ratio(b.totals.summary_allocated, a.totals.summary_allocated),
            cell(b.peak),
            cell(a.peak),
            ratio(b.peak, a.peak)
        );
    }
    s
}

/// Replace the text between the `region` markers of README.md (if the file has them).
pub fn splice_into_readme(readme: &Path, region: &str, table: &str) -> anyhow::Result<()> {
    let Ok(text) = std::fs::read_to_string(readme) else { return Ok(()) };
    let (begin, end) = (format!("<!-- samplegen:{region}:begin -->"), format!("<!-- samplegen:{region}:end -->"));
    let (Some(b), Some(e)) = (text.find(&begin), text.find(&end)) else { return Ok(()) };
    let updated = format!("{}{begin}\n{table}{}", &text[..b], &text[e..]);
    if updated != text {
        std::fs::write(readme, updated)?;
    }
    Ok(())
}
