//! The register as an Excel workbook (native only, `rust_xlsxwriter`): sheets 汇总, 发现 and 数字,
//! the three tables of [`crate::register`]; header bold, frozen and filterable; numbers as
//! numbers, dates as dates (`yyyy-mm-dd`), booleans 是/否.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::register::{Cell, Table, Tables};

/// The workbook's bytes.
pub fn workbook(tables: &Tables) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    for (name, table) in crate::vocab::register::SHEET_NAMES.into_iter().zip([&tables.register, &tables.findings, &tables.figures]) {
        sheet(book.add_worksheet().set_name(name)?, table)?;
    }
    book.save_to_buffer()
}

fn sheet(ws: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let header = Format::new().set_bold().set_background_color("#E8EEF7");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, column) in table.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, &column.header, &header)?;
        let width = match column.key.as_str() {
            "file" | "title" | "heading" => 36.0,
            "message" | "evidence" | "sentence" | "error" => 60.0,
            "issuer" | "indicator" => 24.0,
            _ => 12.0,
        };
        ws.set_column_width(c, width)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Empty => {}
                Cell::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Cell::Date(d) => match ExcelDateTime::parse_from_str(d) {
                    Ok(dt) => {
                        ws.write_datetime_with_format(r, c, &dt, &date)?;
                    }
                    Err(_) => {
                        ws.write_string(r, c, d)?;
                    }
                },
                Cell::Bool(_) | Cell::Text(_) => {
                    ws.write_string(r, c, cell.to_text())?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if !table.columns.is_empty() {
        ws.autofilter(0, 0, table.rows.len() as u32, table.columns.len() as u16 - 1)?;
    }
    Ok(())
}
