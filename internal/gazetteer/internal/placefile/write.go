package placefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// Builder collects places, admin-1 regions and keys, and writes a file.
type Builder struct {
	countries []string // alpha-2, by index
	country   map[string]uint8
	admin1    []Admin1
	admin1Ix  map[string]uint16
	places    []wplace
	keys      map[uint64]*wkey
	strs      []byte
	strIx     map[string]uint32
}

type wplace struct {
	Place
	name uint32
}

type wkey struct {
	places []uint32
	prefix bool
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{
		country:  map[string]uint8{},
		admin1Ix: map[string]uint16{},
		keys:     map[uint64]*wkey{},
		strIx:    map[string]uint32{},
	}
}

func (b *Builder) intern(s string) uint32 {
	if len(s) > 255 {
		s = s[:255]
	}
	if o, ok := b.strIx[s]; ok {
		return o
	}
	o := uint32(len(b.strs))
	b.strs = append(b.strs, byte(len(s)))
	b.strs = append(b.strs, s...)
	b.strIx[s] = o
	return o
}

// Country returns the index of the alpha-2 code a2, adding it.
func (b *Builder) Country(a2 string) (uint8, error) {
	if c, ok := b.country[a2]; ok {
		return c, nil
	}
	if len(a2) != 2 {
		return 0, fmt.Errorf("placefile: country code %q: want two letters", a2)
	}
	if len(b.countries) == 255 {
		return 0, errors.New("placefile: more than 255 countries")
	}
	c := uint8(len(b.countries))
	b.countries = append(b.countries, a2)
	b.country[a2] = c
	return c, nil
}

// Admin1 adds (once) the admin-1 region code of country c, with its
// centroid, and returns its index.
func (b *Builder) Admin1(c uint8, code string, lat, lon float64) (uint16, error) {
	k := b.countries[c] + "." + code
	if i, ok := b.admin1Ix[k]; ok {
		return i, nil
	}
	if len(b.admin1) >= NoAdmin1 {
		return 0, errors.New("placefile: too many admin-1 regions")
	}
	i := uint16(len(b.admin1))
	b.admin1 = append(b.admin1, Admin1{Country: c, Code: code, Lat: lat, Lon: lon})
	b.admin1Ix[k] = i
	return i, nil
}

// Place adds a place and returns its index.
func (b *Builder) Place(p Place, name string) uint32 {
	b.places = append(b.places, wplace{p, b.intern(name)})
	return uint32(len(b.places) - 1)
}

// Key records that the key with hashes hs (hs[i] the hash of the key's
// first i+1 tokens) names place i. Every shorter hash is marked a prefix.
func (b *Builder) Key(hs []uint64, place uint32) {
	for j, h := range hs {
		k := b.keys[h]
		if k == nil {
			k = &wkey{}
			b.keys[h] = k
		}
		if j < len(hs)-1 {
			k.prefix = true
			continue
		}
		if !slices.Contains(k.places, place) {
			k.places = append(k.places, place)
		}
	}
}

// Write returns the file. less orders the places of one key, most
// likely first; the table is sized for a load of at most loadFactor.
func (b *Builder) Write(less func(a, b Place) int, loadFactor float64) ([]byte, error) {
	le := binary.LittleEndian
	nSlots := uint32(math.Ceil(float64(len(b.keys)) / loadFactor))
	if nSlots == 0 {
		nSlots = 1
	}
	hashes := make([]uint64, 0, len(b.keys))
	for h := range b.keys {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes) // a deterministic file
	post := []uint32{0}
	slots := make([]uint64, nSlots) // fp<<32 | value
	for _, h := range hashes {
		k := b.keys[h]
		var v uint32
		switch len(k.places) {
		case 0:
		case 1:
			if k.places[0] > valueMask {
				return nil, errors.New("placefile: too many places")
			}
			v = directBit | k.places[0]
		default:
			slices.SortStableFunc(k.places, func(x, y uint32) int { return less(b.places[x].Place, b.places[y].Place) })
			if uint32(len(post)) > valueMask {
				return nil, errors.New("placefile: postings too long")
			}
			v = uint32(len(post))
			post = append(post, uint32(len(k.places)))
			post = append(post, k.places...)
		}
		if k.prefix {
			v |= prefixBit
		}
		if v == 0 {
			continue
		}
		fp := uint32(h >> 32)
		i := (uint64(uint32(h)) * uint64(nSlots)) >> 32
		for slots[i] != 0 {
			i++
			if i == uint64(nSlots) {
				i = 0
			}
		}
		slots[i] = uint64(fp)<<32 | uint64(v)
	}
	// Admin-1 and place records refer to strings: intern first.
	adminStr := make([]uint32, len(b.admin1))
	for i, a := range b.admin1 {
		adminStr[i] = b.intern(a.Code)
	}
	offCountry := uint32(headerSize)
	offAdmin1 := offCountry + uint32(len(b.countries))*2
	offPlaces := offAdmin1 + uint32(len(b.admin1))*admin1Size
	offSlots := offPlaces + uint32(len(b.places))*placeSize
	offPost := offSlots + nSlots*slotSize
	offString := offPost + uint32(len(post))*4
	out := make([]byte, int(offString)+len(b.strs))
	copy(out, magic)
	le.PutUint32(out[4:], version)
	for i, v := range []uint32{uint32(len(b.countries)), uint32(len(b.admin1)), uint32(len(b.places)), nSlots,
		uint32(len(post)), uint32(len(b.strs)), offCountry, offAdmin1, offPlaces, offSlots, offPost, offString} {
		le.PutUint32(out[8+4*i:], v)
	}
	for i, c := range b.countries {
		copy(out[offCountry+uint32(i)*2:], c)
	}
	for i, a := range b.admin1 {
		o := out[offAdmin1+uint32(i)*admin1Size:]
		o[0] = a.Country
		le.PutUint32(o[4:], adminStr[i])
		le.PutUint32(o[8:], uint32(deg(a.Lat)))
		le.PutUint32(o[12:], uint32(deg(a.Lon)))
	}
	for i, p := range b.places {
		o := out[offPlaces+uint32(i)*placeSize:]
		le.PutUint32(o, p.GeonameID)
		le.PutUint32(o[4:], uint32(deg(p.Lat)))
		le.PutUint32(o[8:], uint32(deg(p.Lon)))
		le.PutUint32(o[12:], p.Population)
		le.PutUint32(o[16:], p.name)
		le.PutUint16(o[20:], p.Admin1)
		o[22] = p.Country
		o[23] = p.Feature
	}
	for i, s := range slots {
		o := out[offSlots+uint32(i)*slotSize:]
		le.PutUint32(o, uint32(s>>32))
		le.PutUint32(o[4:], uint32(s))
	}
	for i, w := range post {
		le.PutUint32(out[offPost+uint32(i)*4:], w)
	}
	copy(out[offString:], b.strs)
	return out, nil
}

func deg(x float64) int32 { return int32(math.Round(x * 1e5)) }
