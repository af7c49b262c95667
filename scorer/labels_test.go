package scorer

import "testing"

// TestLabels: every cue kind, stage, outcome, gender and role the output can
// carry has a word in both languages.
func TestLabels(t *testing.T) {
	keys := []string{"decides.gender", "decides.quoted", "decides.role", "stage.candidates", "stage.non_person",
		"stage.merge", "outcome.rejected", "outcome.merged"}
	for _, k := range []string{cueHonorific, cueRoleNoun, cueMiddleName, cueReference, cueSpeakerFamily, cueGivenName,
		cueFullName, cueNotable, cueDescription, cueConflict, cueNone, cueSpeechVerb, cueTheo, cueColon, cueQuoteDash,
		cueAnaphor, cueTitle, cueSection, cueDefault} {
		keys = append(keys, "cue."+k)
	}
	for _, g := range []string{female, male, unknown} {
		keys = append(keys, "gender."+g)
	}
	for _, r := range []string{roleExpert, roleOfficial, roleOrdinary, roleCelebrity, roleOther} {
		keys = append(keys, "role."+r)
	}
	for _, lang := range []string{"vi", "en"} {
		for _, k := range keys {
			if s, ok := Label(lang, k); !ok || s == "" {
				t.Errorf("%s: no label for %s", lang, k)
			}
		}
	}
	if len(labels["vi"]) != len(labels["en"]) {
		t.Errorf("vi has %d labels, en %d", len(labels["vi"]), len(labels["en"]))
	}
	if s, ok := Label("fr", "cue.honorific"); !ok || s != labels["vi"]["cue.honorific"] {
		t.Errorf("an unknown language falls back to Vietnamese, got %q", s)
	}
	if _, ok := Label("vi", "no.such"); ok {
		t.Error("an unknown key is reported known")
	}
}
