package server

import "strconv"

// cameoRoots names CAMEO's twenty root event codes (the first two digits
// of every code), as the CAMEO codebook titles them. The dashboard shows
// the root's label beside the full code.
var cameoRoots = map[string]string{
	"01": "Make public statement",
	"02": "Appeal",
	"03": "Express intent to cooperate",
	"04": "Consult",
	"05": "Engage in diplomatic cooperation",
	"06": "Engage in material cooperation",
	"07": "Provide aid",
	"08": "Yield",
	"09": "Investigate",
	"10": "Demand",
	"11": "Disapprove",
	"12": "Reject",
	"13": "Threaten",
	"14": "Protest",
	"15": "Exhibit force posture",
	"16": "Reduce relations",
	"17": "Coerce",
	"18": "Assault",
	"19": "Fight",
	"20": "Use unconventional mass violence",
}

// cameoLabel returns the label of a CAMEO code's root, or "".
func cameoLabel(code string) string {
	if len(code) < 2 {
		return ""
	}
	return cameoRoots[code[:2]]
}

// quadClasses names CAMEO's quad classes.
var quadClasses = map[int]string{
	1: "Verbal cooperation",
	2: "Material cooperation",
	3: "Verbal conflict",
	4: "Material conflict",
}

func quadLabel(q int) string {
	if l, ok := quadClasses[q]; ok {
		return l
	}
	return "quad class " + strconv.Itoa(q)
}
