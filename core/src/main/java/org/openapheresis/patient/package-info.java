/**
 * The person on the machine: sex, age, size, haematocrit and laboratory values, and the blood and plasma
 * volumes estimated from them (Nadler 1962 from 25 kg; weight and age based below).
 * Every value is validated at construction against physiologically possible ranges.
 */
package org.openapheresis.patient;
