package coder

import "testing"

func TestCompose(t *testing.T) {
	for _, tc := range []struct{ class, action, want string }{
		{classPromise, "0733", "0333"},
		{classPromise, "073", "0333"},
		{classPromise, "0833", "0343"},
		{classDemand, "0871", "1056"},
		{classDemand, "046", "106"},
		{classReject, "0841", "1243"},
		{classPromise, "190", "1384"},
		{classThreaten, "163", "1312"},
		{classReport, "190", ""},
		{classPromise, "010", ""},
	} {
		if got := compose(tc.class, tc.action); got != tc.want {
			t.Errorf("compose(%s, %s) = %q, want %q", tc.class, tc.action, got, tc.want)
		}
	}
}
