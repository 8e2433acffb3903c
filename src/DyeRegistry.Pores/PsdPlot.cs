using System.Globalization;
using System.Text;
using DyeRegistry.Pores.Distribution;

namespace DyeRegistry.Pores;

/// <summary>An SVG plot of a pore distribution (log diameter axis), with Y (the peak) and X (the
/// particle diameter) marked. Hand-drawn SVG: a line chart needs no plotting library.</summary>
public static class PsdPlot
{
    public static string Svg(PoreDistribution d, DistributionConvention convention, double? xNanometres, string title)
    {
        const double W = 640, H = 420, L = 70, R = 20, T = 40, B = 55;
        var steps = d.Steps.Where(s => s.DiameterNanometres > 0).OrderBy(s => s.DiameterNanometres).ToList();
        double Y(PsdStep s) => convention == DistributionConvention.DvDd ? s.DvDdCubicCentimetresPerGramNanometre : s.DvDlogDCubicCentimetresPerGram;
        var minD = Math.Pow(10, Math.Floor(Math.Log10(steps.Min(s => s.DiameterNanometres))));
        var maxD = Math.Pow(10, Math.Ceiling(Math.Log10(steps.Max(s => s.DiameterNanometres))));
        var maxY = Math.Max(1e-12, steps.Max(Y)) * 1.1;
        double Px(double dnm) => L + (Math.Log10(dnm) - Math.Log10(minD)) / (Math.Log10(maxD) - Math.Log10(minD)) * (W - L - R);
        double Py(double y) => H - B - Math.Max(0, y) / maxY * (H - T - B);
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns='http://www.w3.org/2000/svg' width='{W}' height='{H}' font-family='sans-serif' font-size='12'>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width='{W}' height='{H}' fill='white'/><text x='{W / 2}' y='22' text-anchor='middle' font-size='14'>{System.Security.SecurityElement.Escape(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1='{L}' y1='{H - B}' x2='{W - R}' y2='{H - B}' stroke='black'/><line x1='{L}' y1='{T}' x2='{L}' y2='{H - B}' stroke='black'/>");
        for (var dec = minD; dec <= maxD * 1.0001; dec *= 10)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1='{F(Px(dec))}' y1='{H - B}' x2='{F(Px(dec))}' y2='{H - B + 5}' stroke='black'/><text x='{F(Px(dec))}' y='{H - B + 18}' text-anchor='middle'>{dec.ToString("G4", CultureInfo.InvariantCulture)}</text>");
        }

        for (var k = 0; k <= 4; k++)
        {
            var yv = maxY * k / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x='{L - 6}' y='{F(Py(yv) + 4)}' text-anchor='end'>{yv.ToString("G3", CultureInfo.InvariantCulture)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x='{(L + W - R) / 2}' y='{H - 15}' text-anchor='middle'>pore diameter D (nm, log scale)</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x='18' y='{(T + H - B) / 2}' text-anchor='middle' transform='rotate(-90 18 {(T + H - B) / 2})'>{(convention == DistributionConvention.DvDd ? "dV/dD (cm3 g-1 nm-1)" : "dV/dlogD (cm3 g-1)")}</text>");
        svg.Append("<polyline fill='none' stroke='#1f5fbf' stroke-width='2' points='");
        foreach (var s in steps)
        {
            svg.Append(F(Px(s.DiameterNanometres))).Append(',').Append(F(Py(Y(s)))).Append(' ');
        }

        svg.Append("'/>");
        var peak = d.PeakDiameterNanometres(convention);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1='{F(Px(peak))}' y1='{T}' x2='{F(Px(peak))}' y2='{H - B}' stroke='#c03030' stroke-dasharray='5,4'/><text x='{F(Px(peak) + 4)}' y='{T + 14}' fill='#c03030'>Y = {peak.ToString("0.00", CultureInfo.InvariantCulture)} nm</text>");
        if (xNanometres is { } x && x > minD && x < maxD)
        {
            var a = d.ValueAt(x, convention);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1='{F(Px(x))}' y1='{T}' x2='{F(Px(x))}' y2='{H - B}' stroke='#208040' stroke-dasharray='2,3'/><text x='{F(Px(x) + 4)}' y='{T + 30}' fill='#208040'>X = {x.ToString("0.##", CultureInfo.InvariantCulture)} nm{(double.IsNaN(a) ? string.Empty : $", curve = {a.ToString("G3", CultureInfo.InvariantCulture)}")}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
