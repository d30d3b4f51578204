package coder

import "strings"

// Verb classes that govern another event's words ("agreed to provide
// aid", "called for a ceasefire", "refused to withdraw", "threatened to
// strike", "said that …").
const (
	classReport   = "report"
	classPromise  = "promise"
	classDemand   = "demand"
	classReject   = "reject"
	classThreaten = "threaten"
)

// mirror maps an action code to its counterparts in CAMEO's intent (03),
// demand (10) and reject (12) families: "agreed to provide humanitarian
// aid" is 0333, "called for humanitarian aid" 1033, "refused humanitarian
// aid" 1223. Keys are the most specific prefix known; lookups try the
// code, then its parents.
var mirror = map[string][3]string{
	// material cooperation (06)
	"06": {"031", "101", "121"}, "061": {"0311", "1011", "1211"}, "062": {"0312", "1012", "1212"},
	"063": {"0313", "1013", "121"}, "064": {"0314", "1014", "121"},
	// diplomatic cooperation (05)
	"05": {"032", "102", "120"}, "057": {"037", "107", "127"},
	// aid (07)
	"07": {"033", "103", "122"}, "071": {"0331", "1031", "1221"}, "072": {"0332", "1032", "1222"},
	"073": {"0333", "1033", "1223"}, "074": {"0334", "1034", "1224"}, "075": {"0333", "1033", "1223"},
	// political reform (083)
	"083": {"034", "104", "123"}, "0831": {"0341", "1041", "1231"}, "0832": {"0342", "1042", "1232"},
	"0833": {"0343", "1043", "1233"}, "0834": {"0344", "1044", "1234"},
	// yield (08)
	"08": {"035", "105", "124"}, "081": {"0351", "1051", "1241"}, "082": {"0352", "1052", "1242"},
	"084": {"0353", "1053", "1243"}, "085": {"0354", "1054", "1244"}, "086": {"0355", "1055", "1245"},
	"0863": {"0355", "1055", "1245"}, "087": {"0356", "1056", "1246"},
	// consult (04)
	"04": {"036", "106", "125"}, "045": {"039", "108", "126"}, "046": {"036", "106", "125"},
	// intent, demand and verbal cooperation stay what they are
}

// threatFor maps material conflict to the threat of it: "threatened to
// strike" is 1384, "threatened sanctions" 1312.
var threatFor = map[string]string{
	"16": "1312", "161": "1313", "162": "1311", "163": "1312", "17": "137", "171": "1381",
	"172": "132", "18": "1383", "19": "1384", "20": "1385", "15": "138", "14": "133",
	"1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
	"12": "130", "13": "130", "10": "130",
}

// compose returns the code of an action governed by a verb of a class:
// the action's intent, demand or reject counterpart, or its threat. It
// returns "" when the class does not change the code.
func compose(class, action string) string {
	switch class {
	case classPromise, classDemand, classReject:
		i := map[string]int{classPromise: 0, classDemand: 1, classReject: 2}[class]
		for p := action; len(p) >= 2; p = p[:len(p)-1] {
			if m, ok := mirror[p]; ok {
				return m[i]
			}
		}
		if class == classPromise && strings.HasPrefix(action, "1") && action[:2] >= "14" {
			// "vowed to attack": a promise of force or of protest is a
			// threat.
			return compose(classThreaten, action)
		}
	case classThreaten:
		for p := action; len(p) >= 2; p = p[:len(p)-1] {
			if m, ok := threatFor[p]; ok {
				return m
			}
		}
	}
	return ""
}
