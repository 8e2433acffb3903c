using DyeRegistry.Estimates.Solubility;

namespace DyeRegistry.Estimates.Tests;

public class SolubilityUnitsTests
{
    [Theory]
    [InlineData(-2.0, 200.0, 0.2)]        // 0.01 mol/L x 200 g/mol = 2 g/L = 0.2 g/100 g
    [InlineData(0.0, 58.44, 5.844)]       // 1 mol/L
    [InlineData(-5.0, 350.0, 0.00035)]
    public void GramsPer100GramsWater_IsMolarTimesMassOverTen(double logS, double mass, double expected) =>
        Assert.Equal(expected, SolubilityUnits.GramsPer100GramsWater(logS, mass), 9);

    [Theory]
    [InlineData(-3.7, 412.3)]
    [InlineData(0.4, 62.1)]
    public void LogS_InvertsTheConversion(double logS, double mass) =>
        Assert.Equal(logS, SolubilityUnits.LogS(SolubilityUnits.GramsPer100GramsWater(logS, mass), mass), 10);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void GramsPer100GramsWater_RefusesAMassThatIsNotPositive(double mass) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SolubilityUnits.GramsPer100GramsWater(-2, mass));
}
