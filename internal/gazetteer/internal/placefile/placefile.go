// Package placefile reads and writes the gazetteer's compact place file:
// GeoNames populated places, first-level administrative regions and a hash
// table from every name's text.Key hash to the places it names. The file
// is embedded in the binary and read in place, at fixed offsets, so that
// loading it costs nothing: only the pages a lookup touches are read.
//
// Layout (little endian):
//
//	header   64 bytes: magic, version, counts and section offsets
//	country  2 bytes a place: ISO alpha-2 codes, indexed by a place's country
//	admin1   16 bytes each: country, code (string), centroid
//	places   24 bytes each: geonameid, lat, lon, population, name, admin1,
//	         country, feature
//	slots    8 bytes each: fingerprint (hash >> 32) and value; an open-
//	         addressing table with linear probing, home slot
//	         uint32(hash)*nslots>>32
//	postings uint32 words: a count, then that many place indexes
//	strings  each a length byte then the bytes
//
// A slot's value has bit 31 set when the key is a proper prefix of a
// longer key (a matcher extends the key while it is), bit 30 set when the
// low 30 bits are the one place the key names, and otherwise the low 30
// bits are an offset into the postings (0: the key names no place).
package placefile

import (
	"encoding/binary"
	"errors"
	"fmt"
)

const (
	magic      = "TRGZ"
	version    = 1
	headerSize = 64
	admin1Size = 16
	placeSize  = 24
	slotSize   = 8

	prefixBit = 1 << 31
	directBit = 1 << 30
	valueMask = directBit - 1

	// NoAdmin1 is a place's admin-1 index when GeoNames gives none.
	NoAdmin1 = 0xFFFF
)

// Feature codes, ranked: a lower value is a more important place.
const (
	FeatureCapital  uint8 = 1 // PPLC, PPLG
	FeatureAdmin1   uint8 = 2 // PPLA
	FeatureAdmin2   uint8 = 3 // PPLA2
	FeatureAdmin3   uint8 = 4 // PPLA3, PPLA4, PPLA5
	FeaturePlace    uint8 = 5 // PPL and the rest
	FeatureSection  uint8 = 6 // PPLX: a section of a city
	FeatureAbandon  uint8 = 7 // PPLQ, PPLH, PPLW: abandoned, historical, destroyed
	FeatureLocality uint8 = 8 // PPLL, STLMT, PPLF, PPLS, PPLR: localities
)

// FeatureOf returns the rank of a GeoNames feature code.
func FeatureOf(code string) uint8 {
	switch code {
	case "PPLC", "PPLG", "PPLCH":
		return FeatureCapital
	case "PPLA":
		return FeatureAdmin1
	case "PPLA2":
		return FeatureAdmin2
	case "PPLA3", "PPLA4", "PPLA5":
		return FeatureAdmin3
	case "PPLX":
		return FeatureSection
	case "PPLQ", "PPLH", "PPLW":
		return FeatureAbandon
	case "PPLL", "STLMT", "PPLF", "PPLS", "PPLR":
		return FeatureLocality
	}
	return FeaturePlace
}

// File is an opened place file. Its methods read the bytes in place.
type File struct {
	b                                                              []byte
	nCountry, nAdmin1, nPlaces, nSlots, nPost, nString             uint32
	offCountry, offAdmin1, offPlaces, offSlots, offPost, offString uint32
}

// Open checks the header of b and returns the file over it. b is not
// copied and must not change.
func Open(b []byte) (*File, error) {
	if len(b) < headerSize || string(b[:4]) != magic {
		return nil, errors.New("placefile: not a place file")
	}
	le := binary.LittleEndian
	if v := le.Uint32(b[4:]); v != version {
		return nil, fmt.Errorf("placefile: version %d, want %d", v, version)
	}
	f := &File{b: b}
	u := func(i int) uint32 { return le.Uint32(b[8+4*i:]) }
	f.nCountry, f.nAdmin1, f.nPlaces, f.nSlots, f.nPost, f.nString = u(0), u(1), u(2), u(3), u(4), u(5)
	f.offCountry, f.offAdmin1, f.offPlaces, f.offSlots, f.offPost, f.offString = u(6), u(7), u(8), u(9), u(10), u(11)
	end := uint64(f.offString) + uint64(f.nString)
	if end > uint64(len(b)) || uint64(f.offSlots)+uint64(f.nSlots)*slotSize > uint64(len(b)) ||
		uint64(f.offPlaces)+uint64(f.nPlaces)*placeSize > uint64(len(b)) ||
		uint64(f.offPost)+uint64(f.nPost)*4 > uint64(len(b)) ||
		uint64(f.offAdmin1)+uint64(f.nAdmin1)*admin1Size > uint64(len(b)) ||
		uint64(f.offCountry)+uint64(f.nCountry)*2 > uint64(len(b)) || f.nSlots == 0 {
		return nil, errors.New("placefile: truncated")
	}
	return f, nil
}

// Places returns the number of places.
func (f *File) Places() int { return int(f.nPlaces) }

// Admin1s returns the number of admin-1 regions.
func (f *File) Admin1s() int { return int(f.nAdmin1) }

// Slots returns the number of slots in the hash table.
func (f *File) Slots() int { return int(f.nSlots) }

// Place is one populated place as stored.
type Place struct {
	GeonameID  uint32
	Lat, Lon   float64
	Population uint32
	Admin1     uint16 // index of the admin-1 region, NoAdmin1 when none
	Country    uint8  // index of the country (see Country)
	Feature    uint8  // FeatureCapital ...
}

// Place returns the place at index i.
func (f *File) Place(i uint32) Place {
	b := f.b[f.offPlaces+i*placeSize:]
	le := binary.LittleEndian
	return Place{
		GeonameID:  le.Uint32(b),
		Lat:        float64(int32(le.Uint32(b[4:]))) / 1e5,
		Lon:        float64(int32(le.Uint32(b[8:]))) / 1e5,
		Population: le.Uint32(b[12:]),
		Admin1:     le.Uint16(b[20:]),
		Country:    b[22],
		Feature:    b[23],
	}
}

// PlaceName returns the name of the place at index i.
func (f *File) PlaceName(i uint32) string {
	return f.str(binary.LittleEndian.Uint32(f.b[f.offPlaces+i*placeSize+16:]))
}

// PlaceCountry returns the country index of place i without
// decoding the rest: the hot path of candidate filtering.
func (f *File) PlaceCountry(i uint32) uint8 { return f.b[f.offPlaces+i*placeSize+22] }

func (f *File) str(off uint32) string {
	if off >= f.nString {
		return ""
	}
	s := f.b[f.offString+off:]
	n := uint32(s[0])
	if off+1+n > f.nString {
		return ""
	}
	return string(s[1 : 1+n])
}

// Country returns the ISO alpha-2 code of country index c.
func (f *File) Country(c uint8) string {
	if uint32(c) >= f.nCountry {
		return ""
	}
	o := f.offCountry + uint32(c)*2
	return string(f.b[o : o+2])
}

// Admin1 is a first-level administrative region as stored: its country,
// its code within the country ("11" of AM.11) and the population-weighted
// centroid of its places.
type Admin1 struct {
	Country  uint8
	Code     string
	Lat, Lon float64
}

// Admin1 returns the admin-1 region at index i.
func (f *File) Admin1(i uint16) Admin1 {
	b := f.b[f.offAdmin1+uint32(i)*admin1Size:]
	le := binary.LittleEndian
	return Admin1{
		Country: b[0],
		Code:    f.str(le.Uint32(b[4:])),
		Lat:     float64(int32(le.Uint32(b[8:]))) / 1e5,
		Lon:     float64(int32(le.Uint32(b[12:]))) / 1e5,
	}
}

// Lookup finds the key whose text.Hash is h. found reports whether h is a
// key at all: one that names places (Len > 0), or only the start of longer
// ones (Value.Prefix). The places are read with Len and At.
func (f *File) Lookup(h uint64) (v Value, found bool) {
	n := uint64(f.nSlots)
	i := (uint64(uint32(h)) * n) >> 32
	fp := uint32(h >> 32)
	le := binary.LittleEndian
	for {
		o := f.offSlots + uint32(i)*slotSize
		sfp := le.Uint32(f.b[o:])
		sv := le.Uint32(f.b[o+4:])
		if sfp == fp && sv != 0 {
			return Value(sv), true
		}
		if sv == 0 {
			return 0, false
		}
		i++
		if i == n {
			i = 0
		}
	}
}

// Value is what a key maps to.
type Value uint32

// Prefix reports whether a longer key starts with this one.
func (v Value) Prefix() bool { return v&prefixBit != 0 }

// Len returns the number of places the key names.
func (f *File) Len(v Value) int {
	if v&directBit != 0 {
		return 1
	}
	off := uint32(v) & valueMask
	if off == 0 {
		return 0
	}
	return int(binary.LittleEndian.Uint32(f.b[f.offPost+off*4:]))
}

// At returns the index of the k-th place the key names; places are in the
// order the writer gave them.
func (f *File) At(v Value, k int) uint32 {
	if v&directBit != 0 {
		return uint32(v) & valueMask
	}
	off := uint32(v)&valueMask + 1 + uint32(k)
	return binary.LittleEndian.Uint32(f.b[f.offPost+off*4:])
}
