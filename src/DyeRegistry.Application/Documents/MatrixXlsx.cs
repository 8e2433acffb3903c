using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DyeRegistry.Claims.Evaluation;
using DyeRegistry.Claims.Model;

namespace DyeRegistry.Application.Documents;

/// <summary>
/// The portfolio matrix as an Excel workbook: one sheet per patent, a row per medium (its medium
/// claims) and per ink x medium pair (the recording-method claims), a column per claim, each cell
/// the verdict, filled in the HTML matrix's colours; the first rows say what the patent is and
/// when, by whom and with which product version and readings the matrix was made, and the record
/// versions sit beside each row. An "about" sheet lists any record that could not be evaluated.
/// Written with the Open XML SDK: ClosedXML 0.95.4 (the version served) fails on .NET 10 with
/// InvalidProgramException in XLWorkbook's type initializer.
/// </summary>
public static class MatrixXlsx
{
    /// <summary>The row of the claim headers; data rows follow it.</summary>
    public const int HeaderRow = 6;

    // Cell style indexes in the stylesheet below.
    private const uint Bold = 1, Within = 2, Outside = 3, Undetermined = 4;

    public static byte[] Write(IReadOnlyList<ClaimChart> media, IReadOnlyList<ClaimChart> pairs, Func<ClaimResult, bool> shown,
        DateTimeOffset generated, string author, string version, IReadOnlyList<string> failures)
    {
        var all = media.Concat(pairs).ToList();
        var sets = all.SelectMany(c => c.Sets).GroupBy(s => s.Patent).Select(g => g.First()).OrderBy(s => s.Patent, StringComparer.Ordinal).ToList();
        var readings = string.Join("; ", all.FirstOrDefault()?.Readings.Select(r => r.Describe()) ?? []);
        var made = $"{generated.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {author} with dyereg {version}";
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.Workbook = new Workbook(new Sheets());
            Stylesheet(book);
            uint sheetId = 0;
            foreach (var set in sets)
            {
                var rows = media.Select(c => (Subject: c.Subject.Medium.Id, Versions: Versions(c), Claims: c.Claims.Where(r => r.Claim.Patent == set.Patent && r.Claim.Pairing != Pairing.InkAndMedium && shown(r)).ToList()))
                    .Concat(pairs.Select(c => (Subject: $"{c.Subject.Ink!.Id} x {c.Subject.Medium.Id}", Versions: Versions(c), Claims: c.Claims.Where(r => r.Claim.Patent == set.Patent && r.Claim.Pairing == Pairing.InkAndMedium && shown(r)).ToList())))
                    .Where(r => r.Claims.Count > 0)
                    .ToList();
                var columns = rows.SelectMany(r => r.Claims).Select(r => r.Claim.Number).Distinct().Order().ToList();
                if (columns.Count == 0)
                {
                    continue;
                }

                var data = new SheetData();
                data.Append(Row(1, (1, $"{set.Patent}: {set.Document.Title}", Bold)));
                data.Append(Row(2, (1, $"{set.Document.Claims} claims; publication {set.Document.Publication}; applicant {set.Document.Applicant}; claim set version {set.Version}", 0)));
                data.Append(Row(3, (1, $"Made {made}. Readings: {readings}", 0)));
                data.Append(Row(4, (1, "An automated limitation-by-limitation comparison on recorded data, not a legal opinion.", 0)));
                data.Append(Row(HeaderRow, [(1, "subject", Bold), (2, "record versions", Bold), .. columns.Select((n, i) => (3 + i, $"{set.Patent}:{n}", Bold))]));
                for (var r = 0; r < rows.Count; r++)
                {
                    var cells = new List<(int, string, uint)> { (1, rows[r].Subject, 0), (2, rows[r].Versions, 0) };
                    cells.AddRange(rows[r].Claims.OrderBy(c => c.Claim.Number).Select(c => (3 + columns.IndexOf(c.Claim.Number), Verdicts.Text(c.Verdict), c.Verdict switch
                    {
                        ClaimVerdict.Within => Within,
                        ClaimVerdict.Outside => Outside,
                        _ => Undetermined,
                    })));
                    data.Append(Row(HeaderRow + 1 + r, [.. cells]));
                }

                AddSheet(book, ++sheetId, set.Patent, data, frozenRows: HeaderRow);
            }

            var about = new SheetData();
            about.Append(Row(1, (1, "Claim matrix", Bold)));
            about.Append(Row(2, (1, $"Made {made}", 0)));
            about.Append(Row(3, (1, $"Readings: {readings}", 0)));
            about.Append(Row(4, (1, failures.Count == 0 ? "Every record was evaluated." : "Not evaluated:", 0)));
            for (var i = 0; i < failures.Count; i++)
            {
                about.Append(Row(5 + i, (1, failures[i], 0)));
            }

            AddSheet(book, ++sheetId, "about", about, frozenRows: 0);
            book.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart book, uint id, string name, SheetData data, int frozenRows)
    {
        var part = book.AddNewPart<WorksheetPart>();
        var sheet = new Worksheet();
        if (frozenRows > 0)
        {
            sheet.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = frozenRows,
                TopLeftCell = $"A{frozenRows + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
        }

        sheet.Append(new Columns(new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 30, CustomWidth = true }));
        sheet.Append(data);
        part.Worksheet = sheet;
        book.Workbook.Sheets!.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row Row(int index, params (int Column, string Text, uint Style)[] cells)
    {
        var row = new Row { RowIndex = (uint)index };
        foreach (var (column, text, style) in cells)
        {
            row.Append(new Cell(new InlineString(new Text(text)))
            {
                CellReference = $"{ColumnName(column)}{index}",
                DataType = CellValues.InlineString,
                StyleIndex = style,
            });
        }

        return row;
    }

    /// <summary>1 = A, 27 = AA.</summary>
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    private static void Stylesheet(WorkbookPart book)
    {
        Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });
        var styles = book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFBFE6C9"), Solid("FFF5C6C3"), Solid("FFFFE59A")),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { FillId = 2, ApplyFill = true },
                new CellFormat { FillId = 3, ApplyFill = true },
                new CellFormat { FillId = 4, ApplyFill = true }));
    }

    private static string Versions(ClaimChart c) =>
        string.Join(", ", new[] { c.Subject.Ink, c.Subject.Medium }.OfType<ScopeRecord>().Select(r => $"{r.Id} {(r.Version is { } v ? $"v{v}" : "not registered")}"));
}
