from rdkit import Chem
import json

def relabel(group):
    """A substituent's ring labels 1/2 become 7/8, so they cannot clash with the core's."""
    return group.replace('1', '7').replace('2', '8') if group else group

def pc(s1=None, s2=None, s3=None, s4=None, centre='ionic-Cu', ringA=None):
    s1, s2, s3, s4 = relabel(s1), relabel(s2), relabel(s3), relabel(s4)
    a = ringA or ('c1c(%s)cc2c(c1)' % s1 if s1 else 'c1ccc2c(c1)')
    r4 = 'c1cc(%s)ccc51' % s4 if s4 else 'c1ccccc51'
    r3 = 'c1cc(%s)ccc41' % s3 if s3 else 'c1ccccc41'
    r2 = 'c1cc(%s)ccc31' % s2 if s2 else 'c1ccccc31'
    core = a + 'c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)' + r4 + ')' + r3 + ')' + r2
    if centre == 'ionic-Cu': return core + '.[Cu+2]'
    if centre == 'ionic-Zn': return core + '.[Zn+2]'
    if centre == 'H2': return core.replace('[n-]', '[nH]')
    if centre == 'dianion': return core
    mol = Chem.RWMol(Chem.MolFromSmiles(core))
    ns = [x.GetIdx() for x in mol.GetAtoms() if x.GetFormalCharge() == -1]
    for i in ns: mol.GetAtomWithIdx(i).SetFormalCharge(0)
    combo = Chem.RWMol(Chem.CombineMols(mol, Chem.MolFromSmiles(centre)))
    for i in ns: combo.AddBond(i, mol.GetNumAtoms(), Chem.BondType.SINGLE)
    m = combo.GetMol(); Chem.SanitizeMol(m)
    return Chem.MolToSmiles(m)

X = 'SO2NEt'
SX = 'S(=O)(=O)NCC'
cases = []
def add(formula, smiles, within, rule, slot=None, cls=None):
    assert Chem.MolFromSmiles(smiles) is not None or within is None, smiles
    cases.append((formula, smiles, within, rule, slot, cls))

# ---------------- (I) ----------------
PIV = 'CC(C)(C)C(=O)C(C(=O)Nc2ccccc2Cl)=N'
def I(r1=None, r2=None, r3=None, r4=None, a='N(CC)CC', x=PIV):
    r1, r2, r3, r4, a = relabel(r1), relabel(r2), relabel(r3), relabel(r4), relabel(a)
    f = lambda r: '(%s)' % r if r else ''
    return x + 'c1c%sc%sc(%s)c%sc1%s' % (f(r2), f(r1), a, f(r3), f(r4))
r_inside = [
 ('Cl','halogen'),('C','aliphatic'),('C#C','aliphatic'),('C=C','aliphatic'),('C1CCCCC1','aliphatic'),('Cc1ccccc1','aliphatic'),
 ('c1ccccc1','aromatic'),('c1ccncc1','heterocyclic'),('C#N','cyano'),('O','hydroxy'),('[N+](=O)[O-]','nitro'),('N','amino'),
 ('NC','amino'),('OC','alkoxy'),('Oc1ccccc1','aryloxy'),('NC(C)=O','amide'),('Nc1ccccc1','amino'),('NC(N)=O','ureido'),
 ('NS(N)(=O)=O','sulfamoylamino'),('SC','alkylthio'),('Sc1ccccc1','arylthio'),('NC(=O)OC','alkoxycarbonylamino'),
 ('NS(C)(=O)=O','sulfonamide'),('C(N)=O','carbamoyl'),('S(N)(=O)=O','sulfamoyl'),('S(C)(=O)=O','sulfonyl'),
 ('C(=O)OC','alkoxycarbonyl'),('Oc1ccccn1','heterocyclic-oxy'),('N=Nc1ccccc1','azo'),('OC(C)=O','acyloxy'),
 ('OC(N)=O','carbamoyloxy'),('O[Si](C)(C)C','silyloxy'),('C(=O)Oc1ccccc1','aryloxycarbonyl'),
 ('NC(=O)Oc1ccccc1','aryloxycarbonylamino'),('N1C(=O)CCC1=O','imide'),('Sc1ccccn1','heterocyclic-thio'),
 ('S(C)=O','sulfinyl'),('P(=O)(O)O','phosphoryl'),('C(C)=O','acyl'),('C=O','acyl'),('C(=O)O','carboxyl'),('S(=O)(=O)O','sulfo'),
]
for sub, cls in r_inside:
    add('I', I(r1=sub), True, f'R1 = {sub}: {cls} is allowed for R1', 'R1', cls)
for sub, why in [('S','-SH is in no class'),('[Si](C)(C)C','-SiR3 is in no class'),('B(O)O','-B(OH)2 is in no class'),
                 ('N=[N+]=[N-]','azide is in no class'),('N=O','nitroso is in no class'),('[N+](C)(C)C','-N+(R)3 is in no class'),('C=NO','C=N-OH is in no class')]:
    add('I', I(r2=sub), False, f'R2 = {sub}: {why}')
add('I', I(r3='Cl', r4='C'), True, 'R3 and R4 on the B1/B2 carbons', 'R3', 'halogen')
add('I', I(a='N'), True, 'A = -NH2: R5 = R6 = hydrogen', 'R5', 'hydrogen')
add('I', I(a='NCC'), True, 'A = -NHEt', 'R5', 'aliphatic')
add('I', I(a='N(C)c1ccccc1'), True, 'A = -N(Me)Ph: R6 aromatic', None, None)
add('I', I(a='N(C)c1ccccn1'), True, 'A = -N(Me)(2-pyridyl): R6 heterocyclic', None, None)
add('I', I(a='N(C)C(C)=O'), False, 'A = -N(Me)Ac: R5/R6 acyl is not allowed')
add('I', I(a='NS(C)(=O)=O'), False, 'A = -NHSO2Me: R5/R6 sulfonyl is not allowed')
add('I', I(a='O'), True, 'A = hydroxyl (variant A=OH)', None, None)
add('I', I(a='OC'), False, 'A = -OMe is neither -NR5R6 nor hydroxyl: no skeleton')
add('I', I(a='N1CCCCC1'), True, 'A = piperidino: R5-R6 ring closure is allowed', None, None)
add('I', I(a='N1CCOCC1'), True, 'A = morpholino: R5-R6 ring closure', None, None)
add('I', PIV + 'c1ccc2c(c1)CCCN2CC', True, 'R1-R5 ring closure (tetrahydroquinoline) is allowed', None, None)
add('I', PIV + 'c1cc2CCCN3CCCc(c1)c23', True, 'R1-R5 and R3-R6 closures (julolidine) are allowed', None, None)
add('I', PIV + 'c1c2ccccc2c(N(CC)CC)cc1', True, 'R1-R2 closure forming an aromatic (benzo) ring is allowed', None, None)
add('I', PIV + 'c1c2CCCCc2c(N(CC)CC)cc1', False, 'R1-R2 closure forming a carbocyclic non-aromatic ring is not allowed')
add('I', 'O=C1C=CC2=Nc3ccc(N(CC)CC)cc3Oc2=C1', False, 'X-R2 closure (phenoxazinone, Nile-red type) is not allowed')
# Closures that make aromatic rings: the A nitrogen is then aromatic (and its bond to the ring
# carbon may be aromatic); every allowed closure counts whatever the ring it makes.
add('I', PIV + 'c1ccc2c(c1)ccn2C', True, 'R1-R5 (or R3-R6) closure making an aromatic ring: 1-methylindol-5-yl, A = n-Me', None, None)
add('I', 'Cc1nnc2n1N=C(C)/C2=N/c1ccc2c(c1)ccn2C', True, 'issue 12: pyrazolotriazole coupler on 1-methylindol-5-ylimine', None, None)
add('I', PIV + 'c1ccc2c(c1)cc[nH]2', True, 'R1-R5 aromatic closure with R6 = H: indol-5-yl, A = [nH]', None, None)
add('I', PIV + 'c1cc2ccn3CCCc(c1)c23', True, 'R1-R5 aromatic (pyrrole) and R3-R6 saturated closures: dihydropyrroloquinoline', None, None)
add('I', PIV + 'c1ccc2ncccc2c1', False, 'quinolin-6-yl: the ring N para to the imine is pyridine-type (two bonds), not -NR5R6')
add('I', I(a='n1cccc1'), True, 'R5-R6 closure making an aromatic ring: A = pyrrol-1-yl', None, None)
add('I', I(a='n1ccc2ccccc12'), True, 'R5-R6 closure making an aromatic fused ring: A = indol-1-yl', None, None)
add('I', I(a='[n+]1ccccc1'), False, 'A = pyridinium-1-yl: a charged N is not -NR5R6')
add('I', 'OC1=C(C=CC=C1)C=NC2=CC=C(C=C2)N=CC3=C(O)C=CC=C3', True, 'nci-1146: within via the keto-enamine tautomer of one arm (A = -NH-R5)', None, None)
add('I', PIV + 'c1ncc(N(CC)CC)cc1', True, 'B2 = N (R4 absent)', 'R4', None)
add('I', PIV + 'c1ccc(N(CC)CC)nc1', True, 'B1 = N (R3 absent), formulas.md', 'R3', None)
add('I', PIV + 'c1nnc(N(CC)CC)cc1', True, 'B1 = B2 = N is allowed for (I)', None, None)
add('I', 'c1ccccc1C=Nc1ccc(N(CC)CC)cc1', True, 'X of an aldehyde Schiff base is carbon-centred', 'X', 'x-carbon-centred')
add('I', 'CN(C)C(C)=Nc1ccc(N(CC)CC)cc1', False, 'X of an amidine is not carbon-centred (default reading)')
add('I', 'C1CCC(CC1)N=C=Nc1ccc(N(CC)CC)cc1', False, 'a carbodiimide X is not carbon-centred')
add('I', 'Oc1ccccc1C=Nc1ccc(N(CC)CC)cc1', True, 'o-hydroxy Schiff base, enol-imine drawing', None, None)
add('I', 'O=C1C=CC=CC1=CNc1ccc(N(CC)CC)cc1', True, 'the same dye drawn as keto-enamine: within via its imine tautomer', None, None)
add('I', I(a='N(CC)[Cu]'), False, 'a metal on A (a metallized dye) is not within; its ligand would be')
add('I', I(r1='S(=O)(=O)[O-]') + '.[Na+]', True, 'sodium salt: Na+ set aside, sulfonate is sulfo', 'R1', 'sulfo')
add('I', '[H]c1c([H])c(N(CC)CC)c([H])c([H])c1N=C(C(=O)Nc1ccccc1Cl)C(=O)C(C)(C)C', True, 'explicit hydrogens', None, None)
add('I', 'CCN(CC)c1ccc(N=Nc2ccccc2)cc1', False, 'an azo dye has no azomethine X=N-C: X would be N')
add('I', 'CCN(CC)c1ccccc1', False, 'no X=N at all')

# ---------------- (Y-I) ----------------
het = {'pyridin-2-yl':'c1ccccn1','pyridin-4-yl':'c1ccncc1','thiazol-2-yl':'c1nccs1','benzothiazol-2-yl':'c1nc2ccccc2s1',
       'thiophen-2-yl':'c1cccs1','furan-2-yl':'c1ccco1','imidazol-2-yl':'c1ncc[nH]1','benzimidazol-2-yl':'c1nc2ccccc2[nH]1',
       '1,3,4-thiadiazol-2-yl':'c1nncs1','isoxazol-3-yl':'c1ccon1','pyrimidin-2-yl':'c1ncccn1','indol-3-yl':'c1c[nH]c2ccccc12',
       'quinolin-2-yl':'c1ccc2ccccc2n1','quinolin-6-yl (benzo ring of a fused hetero system)':'c1ccc2ncccc2c1',
       'carbazol-3-yl (fused system)':'c1ccc2[nH]c3ccccc3c2c1','coumarin-3-yl':'C1=Cc2ccccc2OC1=O',
       'piperidin-4-yl (not aromatic)':'C1CCNCC1','tetrahydrofuran-2-yl':'C1CCCO1','1,2,4-triazol-3-yl':'c1nc[nH]n1',
       'pyrazol-4-yl':'c1cn[nH]c1','1-methylpyrazol-5-yl':'c1ccnn1C','thieno[2,3-b]pyridin-2-yl':'c1cc2cccnc2s1'}
names = list(het.items())
def attach(group, tail):
    """group's first atom (a two-character token such as c1 or C1) bears tail; ring labels 1/2 become 7/8."""
    g = group.replace('1', '7').replace('2', '8')
    return g[:2] + '(' + tail + ')' + g[2:]
for i, (name, s) in enumerate(names):
    other_name, other = names[(i + 5) % len(names)]
    add('Y-I', attach(s, 'N=N' + other), True, f'A = {name}, B = {other_name}: both heterocyclic through a ring carbon', 'A', 'heterocyclic-carbon')
add('Y-I', 'CCN(CCO)c1ccc(N=Nc2ccc(cc2)[N+](=O)[O-])cc1', False, 'Disperse Red 1: phenyl-azo-phenyl')
add('Y-I', 'Oc1ccc2ccccc2c1N=Nc1ccccc1', False, 'Sudan I: naphthyl-azo-phenyl')
add('Y-I', 'c1ccc(cc1)N=Nc1ccccn1', False, 'phenyl-azo-heterocycle: A is aromatic (aryl)')
add('Y-I', 'c1ccc2cc(ccc2c1)N=Nc1nccs1', False, 'naphthalen-2-yl is aryl, not heterocyclic')
add('Y-I', 'C1CCCCC1N=Nc1ccccn1', False, 'cyclohexyl is aliphatic')
add('Y-I', 'c1cn(nc1)N=Nc1ccccn1', False, 'pyrazol-1-yl attaches through ring N: N-N=N is a triazene, not azo')
add('Y-I', 'c1ccc2nnccc2c1', False, 'cinnoline: the N=N is in a ring, no azo group')
add('Y-I', 'C[N+]([O-])=Nc1ccccn1', False, 'an azoxy N is not an azo N')
add('Y-I', 'CC1=NN(c2ccccn2)C(O)=C1N=Nc1ccccn1', True, 'pyrazolone azo drawing (heterocycles on both sides)', None, None)
add('Y-I', 'CC1=NN(c2ccccn2)C(=O)C1=NNc1ccccn1', True, 'the same dye drawn as hydrazone: within via its azo tautomer', None, None)
add('Y-I', 'CC1=C(C#N)C(=O)N(C)C(O)=C1N=Nc1nccs1', True, 'pyridone azo drawing', None, None)
add('Y-I', 'CC1=C(C#N)C(=O)N(C)C(=O)C1=NNc1nccs1', True, 'the same pyridone dye drawn as hydrazone', None, None)
add('Y-I', 'CC1=NN(c2ccccc2)C(=O)C1=NNc1ccccc1', False, 'phenylhydrazone of a pyrazolone: B is phenyl in every tautomer')
add('Y-I', 'CC1=NN(c2ccccc2)C(O)=C1N=Nc1ccccc1', False, 'its azo drawing: same verdict')
add('Y-I', 'O=S(=O)([O-])c1ccc(nc1)N=Nc1nccs1.[Na+]', True, 'sodium salt, Na+ set aside', 'A', 'heterocyclic-carbon')
add('Y-I', '[H]c1sc(N=Nc2ccccn2)nc1[H]', True, 'explicit hydrogens', None, None)
add('Y-I', 'c1ccc2c(c1)N=Nc1ncccc1C2', False, 'A and B joined in a ring: the azo group is in a ring (no ring closure allowed)')
add('Y-I', 'CC(=O)C(N=Nc1ccccn1)C(C)=O', False, 'B is an aliphatic carbon (open-chain)')
add('Y-I', 'CC1=CC2=NC(=O)N=C2C=C1NNC3C(=O)NC(=O)NC3=O', True, 'aqsol-A-5996: hydrazo drawing, within via an azo tautomer (H moved between heteroatoms only)', None, None)
add('Y-I', 'c1ccc(cc1)NNc1ccccc1', False, 'hydrazobenzene: no tautomer is heterocyclic-azo')

# ---------------- (M-I) ----------------
A_BT = 'c9nc8ccccc8s9'
def M(A=A_BT, G='NC', R5R6='N(CC)CC', R1='C#N', R2='C', ring='pyridine'):
    G, R5R6, R1, R2 = relabel(G), relabel(R5R6), relabel(R1), relabel(R2)
    f = lambda r: '(%s)' % r if r else ''
    ring_smiles = {
        'pyridine': f'N=Nc1c{f(G)}nc({R5R6})c{f(R1)}c1{f(R2)}',
        'B1N': f'N=Nc1c{f(G)}nc({R5R6})nc1{f(R2)}',
        'B2N': f'N=Nc1c{f(G)}nc({R5R6})c{f(R1)}n1',
        'both': f'N=Nc1c{f(G)}nc({R5R6})nn1',
    }[ring]
    return A[:2] + '(' + ring_smiles + ')' + A[2:]
add('M-I', 'CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)c(C#N)c(Nc3c(C)cc(C)cc3C)nc2Nc2c(C)cc(C)cc2C)c1C#N', True, 'formulas.md inside example', 'G', 'substituted-amino')
add('M-I', 'CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)nc(N(CCCC)CCCC)nc2N)c1C#N', False, 'formulas.md: G is plain -NH2')
add('M-I', M(G='NC'), True, 'G = -NHMe (substituted amino)', 'G', 'substituted-amino')
add('M-I', M(G='N'), False, 'G = -NH2 is not allowed (only substituted amino)')
for g, cls in [('C#N','cyano'),('Cl','halogen'),(None,'hydrogen'),('OC','alkoxy'),('NC(C)=O','amide'),('S(C)(=O)=O','alkylsulfonyl'),
               ('S(=O)(=O)c1ccccc1','arylsulfonyl'),('NS(C)(=O)=O','alkylsulfonylamino'),('NC(=O)OC','alkoxycarbonylamino'),
               ('Nc1ccccc1','substituted-amino'),('C(=O)OC','alkoxycarbonyl'),('OC(C)=O','acyloxy'),('SC','alkylthio'),('C(F)(F)F','aliphatic'),
               ('O','hydroxy'),('[N+](=O)[O-]','nitro'),('S(N)(=O)=O','sulfamoyl'),('S(C)=O','alkylsulfinyl')]:
    add('M-I', M(G=g), True, f'G = {g or "H"}: {cls} is allowed for G', 'G', cls)
for g, why in [('S','-SH is in no class'),('N=[N+]=[N-]','azide is in no class'),('N=Nc1ccccc1','azo is not listed for G'),
               ('P(=O)(O)O','phosphoryl is not listed for G'),('N(C(C)=O)C(C)=O','an open-chain imide is not listed for G')]:
    add('M-I', M(G=g), False, f'G = {g}: {why}')
for r, cls in [('NC(C)=O','acyl'),('NC(=O)OC','alkoxycarbonyl'),('NC(N)=O','carbamoyl'),('NS(C)(=O)=O','alkylsulfonyl'),('NS(N)(=O)=O','sulfamoyl'),('Nc1ccccc1','aromatic'),('N','hydrogen')]:
    add('M-I', M(R5R6=r), True, f'NR5R6 = {r}: {cls} allowed for R5/R6', None, None)
add('M-I', M(G='N1C(=O)CCC1=O'), True, 'G = succinimido: an imide, but also heterocyclic (ring N), which G allows', 'G', 'heterocyclic')
add('M-I', M(R5R6='NO'), False, 'R5 = -OH (N-hydroxy) is not allowed')
add('M-I', M(R5R6='NN'), False, 'R5 = -NH2 (hydrazine) is not allowed')
add('M-I', M(R5R6='N1CCCCC1'), True, 'R5-R6 six-membered ring (piperidino)')
add('M-I', M(R5R6='N1CCCC1'), True, 'R5-R6 five-membered ring (pyrrolidino)')
add('M-I', M(R5R6='N1CCCCCC1'), False, 'R5-R6 seven-membered ring (azepane) is not allowed')
add('M-I', 'c9(N=Nc1c(NC)nc2N(C)CCCc2c1C)nc8ccccc8s9', True, 'R1-R5 six-membered ring closure is allowed')
add('M-I', 'c9(N=Nc1c(NC)nc2N(C)CCCCc2c1C)nc8ccccc8s9', False, 'R1-R5 seven-membered ring closure is not allowed')
add('M-I', 'c9(N=Nc1c(NC)nc2n(C)ccc2c1)nc8ccccc8s9', True, 'R1-R5 five-membered closure making an aromatic ring (7-azaindole): the NR5R6 N is aromatic')
add('M-I', M(R5R6='n1cccc1'), True, 'R5-R6 five-membered closure making an aromatic ring (pyrrol-1-yl)')
add('M-I', M(R5R6='n1ccnc1'), True, 'R5-R6 aromatic ring with a second heteroatom (imidazol-1-yl)')
add('M-I', M(ring='B1N'), True, 'B1 = N (pyrimidine), R1 absent')
add('M-I', M(ring='B2N'), True, 'B2 = N, R2 absent')
add('M-I', M(ring='both'), False, 'B1 = B2 = N is not allowed for (M-I)')
add('M-I', M(A='c9nccs9'), True, 'A = thiazol-2-yl', 'A', 'five-membered-heterocyclic')
add('M-I', M(A='c9nc[nH]n9'), True, 'A = 1,2,4-triazol-3-yl', 'A', 'five-membered-heterocyclic')
add('M-I', M(A='c9cccs9'), True, 'A = thiophen-2-yl', 'A', 'five-membered-heterocyclic')
add('M-I', M(A='C9CCCO9'), True, 'A = tetrahydrofuran-2-yl (5-membered, not aromatic)', 'A', 'five-membered-heterocyclic')
add('M-I', M(A='c9ccccc9'), False, 'A = phenyl is not a 5-membered heterocycle')
add('M-I', M(A='c9ccccn9'), False, 'A = pyridin-2-yl is 6-membered')
add('M-I', M(A='c9ccc8[nH]cnc8c9'), False, 'A = benzimidazol-5-yl: a0 is in the benzo ring, not the 5-membered ring')
add('M-I', M(G='S(=O)(=O)[O-]') + '.[Na+]', True, 'sodium salt', 'G', 'sulfo')
add('M-I', 'c1ccc2sc(nc2c1)N=Nc1c(NC)nc(N(CC)[Cu])c(C#N)c1C', False, 'a metal on the amine (metallized dye) is not within')
add('M-I', M(G='O'), True, 'G = OH on the pyridine (lactim drawing)', 'G', 'hydroxy')
add('M-I', 'c9(N=NC1=C(C)C(C#N)=C(N(CC)CC)NC1=O)nc8ccccc8s9', True, 'the same dye drawn as 2-pyridone (lactam): within via its lactim tautomer')
add('M-I', 'CC(C)(C)c1nn(-c2nc3ccccc3s2)c(/N=N/c2c(C)c(C#N)c(Nc3c(C)cc(C)cc3C)nc2Nc2c(C)cc(C)cc2C)c1C#N', True, 'every (M-I) compound is also (Y-I)', None, None)

# ---------------- (C-I) ----------------
add('C-I', 'c1c(S(=O)(=O)NCC(CC)CCCC)cc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1cc(S(=O)(=O)NCC(CC)CCCC)ccc51)c1cc(S(=O)(=O)NCC(CC)CCCC)ccc41)c1cc(S(=O)(=O)NCC(CC)CCCC)ccc31.[Cu+2]', True, 'formulas.md inside (a = 1,1,1,1, M = Cu)')
add('C-I', 'c1ccc2c(c1)c1nc3[n-]c(nc4nc(nc5[n-]c(nc2n1)c1ccccc51)c1ccccc41)c1ccccc31.[Cu+2]', False, 'formulas.md: copper phthalocyanine, sum a = 0')
add('C-I', pc(s1=SX), False, 'sum a = 1 is not enough')
add('C-I', pc(s1=SX, s3=SX), True, 'sum a = 2 on two rings')
add('C-I', pc(ringA='c1c(S(=O)(=O)NCC)c(S(=O)(=O)NCC)c2c(c1)'), True, 'sum a = 2 on one ring (a_1 = 2)')
add('C-I', pc(s1='S(=O)(=O)C', s2='S(=O)(=O)CC'), True, 'X = -SO2-alkyl')
add('C-I', pc(s1='S(=O)(=O)c1ccccc1', s2='S(=O)(=O)c1ccncc1'), True, 'X = -SO2-aryl and -SO2-heterocyclyl')
add('C-I', pc(s1='S(C)=O', s2='S(=O)CC'), True, 'X = -SO-alkyl (sulfinyl)')
add('C-I', pc(s1='S(N)(=O)=O', s2='S(=O)(=O)NC'), True, 'X = -SO2NH2 and -SO2NHMe')
add('C-I', pc(s1='S(=O)(=O)NC1CCCCC1', s2='S(=O)(=O)NCC=C'), True, 'R21 cycloalkyl and alkenyl')
add('C-I', pc(s1='S(=O)(=O)N1CCOCC1', s2='S(=O)(=O)N1CCOCC1', s3='S(=O)(=O)N1CCOCC1'), False, 'morpholinosulfonyl is a sulfamoyl Y, not X (no R21-R22 ring)')
add('C-I', pc(s1='S(=O)(=O)C#C', s2='S(=O)(=O)C#C'), False, 'T1 = alkynyl is not allowed: -SO2-C#CH is no X')
add('C-I', pc(s1='S(=O)(=O)NC(C)=O', s2='S(=O)(=O)NC(C)=O'), False, 'R21 = acyl is not allowed: no X')
add('C-I', pc(s1=SX, s3=SX, s2='C=C'), True, 'Y = alkenyl is allowed')
add('C-I', pc(s1=SX, s3=SX, s2='C#C'), False, 'Y = alkynyl is not listed for Y')
for y, cls in [('Cl','halogen'),('C','alkyl'),('C1CCCCC1','cycloalkyl'),('Cc1ccccc1','aralkyl'),('c1ccccc1','aromatic'),('C#N','cyano'),
               ('O','hydroxy'),('[N+](=O)[O-]','nitro'),('N','amino'),('OC','alkoxy'),('NC(C)=O','amide'),('C(=O)O','carboxyl'),
               ('S(=O)(=O)O','sulfo'),('C(N)=O','carbamoyl'),('Oc1ccccc1','aryloxy'),('SC','alkylthio')]:
    add('C-I', pc(s1=SX, s3=SX, s2=y), True, f'Y = {y}: {cls} allowed')
add('C-I', pc(s1=SX, s3=SX, s2='S'), False, 'Y = -SH is in no class')
add('C-I', pc(s1=SX, s3=SX, s2='S(=O)(=O)[O-]') + '.[Na+]', True, 'sulfonate Y as sodium salt')
add('C-I', pc(s1=SX, s3=SX, centre='H2'), True, 'metal-free ([nH]) M = H')
k = Chem.MolFromSmiles(pc(s1=SX, s3=SX, centre='H2')); Chem.Kekulize(k, True)
add('C-I', Chem.MolToSmiles(k, kekuleSmiles=True), True, 'Kekule drawing')
add('C-I', pc(s1=SX, s3=SX, centre='ionic-Zn'), True, 'ionic Zn')
add('C-I', pc(s1=SX, s3=SX, centre='[Cu]'), True, 'covalent Cu')
add('C-I', pc(s1=SX, s3=SX, centre='[V]=O'), True, 'VO: metal oxide')
add('C-I', pc(s1=SX, s3=SX, centre='[Ti]=O'), True, 'TiO: metal oxide')
add('C-I', pc(s1=SX, s3=SX, centre='[Al]Cl'), True, 'AlCl: metal halide')
add('C-I', pc(s1=SX, s3=SX, centre='[Si](Cl)Cl'), True, 'SiCl2: metal halide (Si counts as a metal)')
add('C-I', pc(s1=SX, s3=SX, centre='[Si](O)O'), True, 'Si(OH)2: metal hydroxide')
add('C-I', pc(s1=SX, s3=SX, centre='[Al]O'), True, 'AlOH: metal hydroxide')
add('C-I', pc(s1=SX, s3=SX, centre='[Si](O[Si](C)(C)C)O[Si](C)(C)C'), False, 'axial -O-SiR3 ligands are not allowed')
add('C-I', pc(s1=SX, s3=SX, centre='[Si](Oc1ccccc1)Oc1ccccc1'), False, 'axial -O-aryl ligands are not allowed')
add('C-I', pc(ringA='c1c9ccccc9c2c(c1)', s2=SX, s3=SX), False, 'naphthalocyanine: a ring fused onto a benzo ring is not allowed')
add('C-I', 'CCNS(=O)(=O)c1ccc2ccccc2c1', False, 'no phthalocyanine macrocycle')

with open(__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), 'FormulaCases.g.cs'), 'w') as out:
    out.write('// Generated by the case table in tests/DyeRegistry.Markush.Tests/cases.py: SMILES and the\n')
    out.write('// verdict formulas.md gives (or that its rules imply), one or more per rule.\n')
    out.write('namespace DyeRegistry.Markush.Tests;\n\ninternal static class FormulaCases\n{\n    public static readonly FormulaCase[] All =\n    [\n')
    for (f, s, w, rule, slot, cls) in cases:
        out.write('        new(%s, %s, %s, %s, %s, %s),\n' % (json.dumps(f), json.dumps(s), 'true' if w else 'false', json.dumps(rule), json.dumps(slot) if slot else 'null', json.dumps(cls) if cls else 'null'))
    out.write('    ];\n}\n')
from collections import Counter
print(Counter(c[0] for c in cases), len(cases))
bad = [c for c in cases if Chem.MolFromSmiles(c[1]) is None]
print('unparsable', bad)
