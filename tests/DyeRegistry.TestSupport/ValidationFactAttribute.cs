using Xunit;

namespace DyeRegistry.TestSupport;

/// <summary>
/// A test in the Validation category: it runs on the real data in ../shared and is reported as
/// skipped, with <see cref="SharedData.AbsentReason"/>, when that data is absent. Mark the class
/// or method with [Trait("Category", "Validation")] as well, so runs can select it.
/// </summary>
public sealed class ValidationFactAttribute : FactAttribute
{
    public ValidationFactAttribute()
    {
        if (!SharedData.Available)
        {
            Skip = SharedData.AbsentReason;
        }
    }
}
