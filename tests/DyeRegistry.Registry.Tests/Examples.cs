namespace DyeRegistry.Registry.Tests;

/// <summary>The record documents of ../shared/spec/records.md (the exchange format's examples).</summary>
internal static class Examples
{
    public const string Records = """
        [
          { "kind": "dye", "id": "M-101", "name": "pyrazolylazo aminopyridine magenta",
            "smiles": "CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)c(C#N)c(Nc3c(C)cc(C)cc3C)nc2Nc2c(C)cc(C)cc2C)c1C#N",
            "water_solubility_g_per_100g": {"value": 0.01, "source": "measured"},
            "supplier": "example", "catalog_number": "X-1" },
          { "kind": "solvent", "id": "TCP", "name": "tricresyl phosphate", "smiles": "Cc1ccc(OP(=O)(Oc2ccc(C)cc2)Oc2ccc(C)cc2)cc1",
            "boiling_point_c": {"value": 420, "source": "literature"},
            "water_solubility_g_per_100g": {"value": 0.00004, "source": "literature"} },
          { "kind": "polymer", "id": "P-1", "name": "poly(n-butyl methacrylate)", "hydrophobic": true },
          { "kind": "ink", "id": "INK-M1", "name": "magenta colored-particle ink",
            "form": "colored_fine_particle_dispersion",
            "components": [
              {"ref": "M-101", "role": "dye", "mass_percent": 3.0},
              {"ref": "P-1", "role": "polymer", "mass_percent": 3.0},
              {"ref": "TCP", "role": "solvent", "mass_percent": 1.5} ] },
          { "kind": "medium", "id": "MED-1", "name": "polymer-particle glossy paper",
            "support": {"type": "resin-coated paper", "absorptive": false},
            "ink_receiving_layer": {
              "porous": true,
              "polymer_particles": {"polymer_class": "vinyl", "average_diameter_nm": 50,
                                    "mass_percent_of_solids": 80, "secondary_particles_form_pores": true},
              "water_soluble_resin": {"type": "polyvinyl_alcohol", "partially_saponified": true,
                                      "saponification_percent": 88, "mass_percent_of_solids": 10},
              "crosslinking_agent": "boric acid", "mordant": "cationic polymer",
              "dry_thickness_um": 30,
              "pore_volume_at_particle_diameter_ml_per_cm2": 7.0e-4,
              "peak_pore_diameter_nm": 40 } },
          { "kind": "medium", "id": "SHEET-1", "name": "two-layer silica sheet",
            "support": {"type": "polyethylene-coated paper", "absorptive": false},
            "layers": [
              {"position": "first", "microparticles": {"material": "silica", "secondary_diameter_nm": 250},
               "binder": {"type": "polyvinyl_alcohol", "polymerization_degree": 2400,
                          "crosslinked_by_ionizing_radiation": true, "crosslinking_conversion_mol_percent": 1.5},
               "void_volume_ml_per_m2": 20},
              {"position": "second", "microparticles": {"material": "alumina", "secondary_diameter_nm": 150},
               "binder": {"type": "polyvinyl_alcohol", "polymerization_degree": 2400,
                          "crosslinked_by_ionizing_radiation": true, "crosslinking_conversion_mol_percent": 1.5},
               "void_volume_ml_per_m2": 18} ],
            "production": {"simultaneous_multilayer_coating": true, "irradiation": "electron beam",
                           "solids_percent_at_irradiation": 30, "dried_after_irradiation": true} }
        ]
        """;
}
